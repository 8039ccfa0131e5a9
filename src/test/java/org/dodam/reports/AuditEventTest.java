package org.dodam.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.dodam.accounts.application.CounsellorAccessChanged;
import org.dodam.reports.domain.AuditEvent;
import org.dodam.reports.domain.AuditEvent.Action;
import org.junit.jupiter.api.Test;

/** A counsellor-access line names no case and fits its column; case work cannot pose as one. */
class AuditEventTest {

    @Test
    void aCounsellorAccessLineNamesTheAccountAndNoCase() {
        AuditEvent event =
                AuditEvent.counsellorAccess(1L, null, Action.COUNSELLOR_SET_UP, "counsellor-kim", Instant.EPOCH);
        assertThat(event.reportId()).isNull();
        assertThat(event.actorId()).as("the operator has no account").isNull();
        assertThat(event.detail()).isEqualTo("counsellor-kim");
        assertThatThrownBy(() -> AuditEvent.counsellorAccess(1L, 2L, Action.VIEWED, "counsellor-kim", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyChangeOfAccessHasItsOwnActionThatFitsTheColumn() {
        assertThat(Stream.of(Action.values()).filter(Action::counsellorAccess).count())
                .isEqualTo(CounsellorAccessChanged.Change.values().length);
        assertThat(Stream.of(Action.values()).filter(a -> !a.counsellorAccess()))
                .contains(Action.VIEWED, Action.CLOSED, Action.DELETED_BY_RETENTION);
        assertThat(Stream.of(Action.values()).map(Action::name)).allMatch(n -> n.length() <= 32);
    }
}
