package org.dodam.architecture.planted.account;

import org.dodam.accounts.application.CurrentUser;

/** A page of another feature that asks for the signed-in account entity, which {@code ArchitectureTest} must catch. */
public class TakesTheAccount {
    CurrentUser currentUser;

    Object who() {
        return currentUser.require();
    }
}
