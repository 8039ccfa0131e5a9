package org.dodam.accounts.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A school: the boundary of everyone's data. Its country decides which laws and help routes are shown. Its code
 * names it at sign-in on a server with more than one school (usernames are unique only within a school), so it
 * is short, lower-case and safe in an address ({@code /login.xhtml?school=<code>}).
 */
@Entity
@Table(name = "school")
@Cacheable // every signed-in request reads its account, and the account its school
@NamedQuery(name = "School.count", query = "select count(s) from School s")
@NamedQuery(name = "School.byCode", query = "select s from School s where s.code = :code")
@NamedQuery(name = "School.byName", query = "select s from School s where s.name = :name order by s.id")
public class School {

    /** Countries whose law and help routes the curriculum covers. */
    public static final Set<String> COUNTRIES = Set.of("KR", "US", "GB", "AU");

    /** A school code: 2 to 20 lower-case letters, digits and inner hyphens. */
    public static final String CODE_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?";

    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

    @Id
    @TableGenerator(
            name = "dodam_ids",
            table = "id_generator",
            pkColumnName = "name",
            valueColumnName = "next_value",
            pkColumnValue = "dodam",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false, length = 20, unique = true)
    private String code;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected School() {}

    public School(String name, String country, String code, Instant createdAt) {
        this.name = Objects.requireNonNull(name, "name");
        if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("Unsupported country " + country);
        }
        if (!validCode(code)) {
            throw new IllegalArgumentException("Not a school code: " + code);
        }
        this.country = country;
        this.code = code;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public String code() {
        return code;
    }

    /** The code as typed: spaces around it and capitals do not matter. */
    public static String normalizeCode(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean validCode(String code) {
        return code != null && code.length() >= 2 && CODE.matcher(code).matches();
    }
}
