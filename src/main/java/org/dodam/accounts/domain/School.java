package org.dodam.accounts.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** A school: the boundary of everyone's data. Its country decides which laws and help routes are shown. */
@Entity
@Table(name = "school")
@Cacheable // every signed-in request reads its account, and the account its school
@NamedQuery(name = "School.count", query = "select count(s) from School s")
@NamedQuery(name = "School.byName", query = "select s from School s where s.name = :name order by s.id")
public class School {

    /** Countries whose law and help routes the curriculum covers. */
    public static final Set<String> COUNTRIES = Set.of("KR", "US", "GB", "AU");

    @Id
    @TableGenerator(name = "dodam_ids", table = "id_generator", pkColumnName = "name", valueColumnName = "next_value",
            pkColumnValue = "dodam", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "dodam_ids")
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected School() {
    }

    public School(String name, String country, Instant createdAt) {
        this.name = Objects.requireNonNull(name, "name");
        if (!COUNTRIES.contains(country)) {
            throw new IllegalArgumentException("Unsupported country " + country);
        }
        this.country = country;
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
}
