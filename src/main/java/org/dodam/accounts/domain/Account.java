package org.dodam.accounts.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in. Students have no e-mail address: a teacher creates them, or they join with
 * a class code, and a teacher can reset their password. Usernames are unique across the installation
 * and stored lower-case.
 */
@Entity
@Table(name = "account")
@Cacheable // read on every signed-in request (CurrentUser); every change goes through JPA, which keeps the cache true
@NamedQuery(name = "Account.byUsername", query = "select a from Account a join fetch a.school where a.username = :username")
@NamedQuery(name = "Account.staffOfSchool",
        query = "select a from Account a where a.school = :school and a.role in :roles order by a.role, a.displayName")
@NamedQuery(name = "Account.byRoleInSchool",
        query = "select a from Account a where a.school.id = :schoolId and a.role = :role and a.active = true")
@NamedQuery(name = "Account.countByUsername", query = "select count(a) from Account a where a.username = :username")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    private School school;

    @Column(nullable = false, length = 40)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "display_name", nullable = false, length = 80)
    private String displayName;

    @Column(length = 254)
    private String email;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(School school, String username, String passwordHash, Role role, String displayName,
                   String email, String locale, Instant createdAt) {
        this.school = Objects.requireNonNull(school, "school");
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.email = email;
        this.locale = Objects.requireNonNull(locale, "locale");
        this.active = true;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    }

    public void preferLocale(String newLocale) {
        this.locale = Objects.requireNonNull(newLocale, "newLocale");
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
    }

    public Long id() {
        return id;
    }

    public School school() {
        return school;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String locale() {
        return locale;
    }

    public boolean active() {
        return active;
    }
}
