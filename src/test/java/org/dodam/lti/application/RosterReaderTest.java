package org.dodam.lti.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.dodam.lti.application.CourseRosters.Member;
import org.dodam.lti.domain.LaunchRole;
import org.junit.jupiter.api.Test;

/** Reading a page of the roster service: members, their roles and status, and the next page's address. */
class RosterReaderTest {

    @Test
    void membersKeepTheirPlatformIdNameRoleAndStatus() throws IOException {
        List<Member> members = RosterReader.members("""
                {"id": "https://lms.example/memberships", "members": [
                  {"user_id": "u1", "name": "Dana Seo", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
                  {"user_id": "u2", "given_name": "Eun", "family_name": "Choi", "roles": ["Learner"], "status": "Inactive"},
                  {"user_id": "u3", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"], "status": "Active"},
                  {"user_id": "u4", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"]},
                  "not a member"
                ]}""");
        assertThat(members)
                .containsExactly(
                        new Member("u1", "Dana Seo", LaunchRole.LEARNER, true),
                        new Member("u2", "Eun Choi", LaunchRole.LEARNER, false),
                        new Member("u3", null, LaunchRole.INSTRUCTOR, true),
                        new Member("u4", null, null, true));
        assertThatThrownBy(() -> RosterReader.members("{\"members\": 3}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RosterReader.members("<html>")).isInstanceOf(IOException.class);
    }

    @Test
    void theNextPageIsTheLinkWithRelNextAtAnAddressDodamMayFetch() {
        assertThat(RosterReader.next(List.of(
                        "<https://lms.example/m?page=1>; rel=\"prev\", <https://lms.example/m?page=3>; rel=\"next\"")))
                .contains("https://lms.example/m?page=3");
        assertThat(RosterReader.next(List.of("<https://lms.example/m?p=2>; rel=next")))
                .contains("https://lms.example/m?p=2");
        assertThat(RosterReader.next(List.of("<https://lms.example/m?p=1>; rel=\"first\"")))
                .isEmpty();
        assertThat(RosterReader.next(List.of("<http://intranet.example/m?p=2>; rel=\"next\"")))
                .as("plain http elsewhere")
                .isEmpty();
        assertThat(RosterReader.next(List.of())).isEmpty();
    }
}
