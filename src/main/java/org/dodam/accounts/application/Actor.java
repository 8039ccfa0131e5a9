package org.dodam.accounts.application;

import java.util.Objects;
import org.dodam.accounts.domain.Account;
import org.dodam.accounts.domain.Role;

/**
 * The person acting, as every other feature knows them: who they are, their school, their role and their language.
 * Features take an actor in their entry points instead of the {@link Account} entity, so they depend on these four
 * facts and not on accounts' tables, and cannot read or lazily load what accounts did not hand out. Anything more
 * (a display name, whether a counsellor reads reports) they ask {@link Accounts} for by id.
 *
 * <p>Accounts makes an actor when someone acts, of an account that is active then: the signed-in person of a request
 * ({@link CurrentUser#actor}), a person arriving from a learning platform ({@link Accounts#activeCaller}), the demo
 * school's people. An actor is not kept from one request to the next, so a suspension counts from the next request on.
 */
public record Actor(long id, long schoolId, Role role, String locale) {

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(locale, "locale");
    }

    /** The actor an account acts as; only accounts holds accounts. */
    static Actor of(Account account) {
        return new Actor(account.id(), account.school().id(), account.role(), account.locale());
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    /** Teachers and counsellors, who may read staff lessons and teacher notes. */
    public boolean isStaff() {
        return role.isStaff();
    }
}
