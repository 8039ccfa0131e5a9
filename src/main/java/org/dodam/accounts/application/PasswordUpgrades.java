package org.dodam.accounts.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.dodam.accounts.domain.Account;

/**
 * Replaces a password hash made with weaker parameters or an older algorithm ({@link Passwords#needsRehash}) by a
 * current one, after a sign-in checked the password. It runs in a transaction of its own, so that the sign-in
 * does not depend on it ({@link DodamIdentityStore} goes on if it fails), and it locks the account's row and
 * reads the stored hash again first, so that a password changed meanwhile is never overwritten.
 */
@ApplicationScoped
public class PasswordUpgrades {

    @PersistenceContext
    EntityManager em;

    /** Whether the account's stored hash was still {@code checkedHash} and is now {@code currentHash}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean replace(long accountId, String checkedHash, String currentHash) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            return false;
        }
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        return account.rehashPassword(checkedHash, currentHash);
    }
}
