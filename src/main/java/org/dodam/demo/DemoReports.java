package org.dodam.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.dodam.accounts.application.Accounts;
import org.dodam.accounts.application.Actor;
import org.dodam.platform.ApplicationStartup.DatabaseReady;
import org.dodam.reports.application.CaseWork;
import org.dodam.reports.application.IncidentReporting;
import org.dodam.reports.application.IncidentReporting.NewReport;
import org.dodam.reports.application.ReportChannels;
import org.dodam.reports.domain.Category;
import org.dodam.reports.domain.ReferralTarget;
import org.dodam.reports.domain.ReporterRole;

/**
 * Two fictional reports in a newly created demo school, sent and answered through the application's own
 * services, so the counsellor's inbox, a case and the statistics have something to show.
 */
@ApplicationScoped
public class DemoReports {

    @Inject
    DemoSchool demoSchool;

    @Inject
    Accounts accounts;

    @Inject
    ReportChannels channels;

    @Inject
    IncidentReporting reporting;

    @Inject
    CaseWork caseWork;

    void onDatabaseReady(@Observes @Priority(DatabaseReady.DEMO + 80) DatabaseReady ready) {
        if (!demoSchool.createdThisStart()) {
            return;
        }
        Actor counsellor =
                accounts.findActor(DemoSchool.CODE, "demo-counsellor").orElseThrow();
        String link = channels.channel(counsellor.schoolId()).linkKey();
        reporting.submit(
                link,
                new NewReport(
                        ReporterRole.BYSTANDER,
                        Category.GROUP_CHAT,
                        "단체 대화방 '2학년 모임' (카카오톡)",
                        "지난주 금요일",
                        false,
                        "(데모) 단체방에 같은 반 친구 얼굴을 합성한 사진이 올라왔어요. 여러 명이 웃는 이모티콘을 달았어요."));
        reporting.submit(
                link,
                new NewReport(
                        ReporterRole.TARGET,
                        Category.SEXTORTION,
                        "Instagram DM from @demo_unknown_account",
                        "yesterday",
                        true,
                        "(demo) Someone I don't know says they made a fake picture of me and will send it to my class unless I pay."));
        long first = caseWork.inbox(counsellor).stream()
                .filter(c -> !c.urgent())
                .findFirst()
                .orElseThrow()
                .id();
        caseWork.reply(counsellor, first, "(데모) 알려 줘서 고마워요. 오늘 안에 확인하고 다시 연락할게요. 그 사진을 저장하거나 전달하지는 말아 주세요.");
        caseWork.refer(counsellor, first, ReferralTarget.PLATFORM, "카카오 신고 접수");
    }
}
