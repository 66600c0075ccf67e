package org.cwmpacs.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserPasswordTest {
    /**
     * Hashes as GenieACS stores them: computed with Node.js's {@code crypto.pbkdf2Sync(password, salt, 10000,
     * 128, "sha512")}, which GenieACS's {@code lib/auth.ts} calls.
     */
    private static final UserPassword ADMIN = new UserPassword("cd1f91bd7e2a8f559bcc11ea5c0e5683386ec98a2f27976bbd24e107"
            + "bcb6d38e20b1963decae17cf88fca9176af025d2e3fd0f1f1e29a2a905dddc60089115805f38f7a9395af26a7d6d030fa706a9"
            + "66716aee1f0915b224d8d979693a61270f7b7ee3615ab48938f8f99c7b3936f586b952da16e28d104efd7c00ed6194aa80",
            "3c5d8e0f");
    private static final UserPassword UNICODE = new UserPassword("4faa48eb08eacb29dca150f5c1ab5a0f4970eefa4a28bce4b5e"
            + "a8e6ab20f455231672c610a99d747cd4c8d812561c8d711695a63172d1a47c3d3511f205f38f61d5b3f0a096f5a9509f3fcb504b"
            + "d5e1a75be1f51fb36f02fc9c3edf1e416481e348d79f7f41047792902f7fbe3baf960fc38ee746090e014821d0854282dddfc",
            "00ff");

    @Test
    void genieAcsHashesVerifyUnchanged() {
        assertThat(ADMIN.matches("admin")).isTrue();
        assertThat(ADMIN.matches("Admin")).isFalse();
        assertThat(ADMIN.matches("")).isFalse();
        assertThat(UNICODE.matches("pässwörd")).as("UTF-8, as Node.js encodes it").isTrue();
        assertThat(new UserPassword(ADMIN.hash().toUpperCase(), ADMIN.salt()).matches("admin")).isTrue();
    }

    @Test
    void newPasswordsAreHashedTheSameWayWithAFreshSalt() {
        UserPassword a = UserPassword.of("s3cret!");
        UserPassword b = UserPassword.of("s3cret!");
        assertThat(a.salt()).hasSize(128).isNotEqualTo(b.salt());
        assertThat(a.hash()).hasSize(256).isEqualTo(UserPassword.derive("s3cret!", a.salt()));
        assertThat(a.matches("s3cret!")).isTrue();
        assertThat(a.matches("s3cret")).isFalse();
        assertThatThrownBy(() -> UserPassword.of("")).hasMessageContaining("empty");
    }

    @Test
    void usersAreReadAsGenieAcsStoresThem() {
        UiUser user = UiUser.read(Map.of("_id", "admin", "password", ADMIN.hash(), "salt", ADMIN.salt(),
                "roles", "admin, support,"));
        assertThat(user.roles()).containsExactly("admin", "support");
        assertThat(user.password().matches("admin")).isTrue();
        assertThat(UiUser.read(Map.of("_id", "x", "password", "", "salt", "", "roles", List.of("a"))).roles())
                .containsExactly("a");
        assertThat(user.document()).containsEntry("roles", "admin,support");
        assertThatThrownBy(() -> UiUser.read(Map.of("_id", "nopass"))).hasMessageContaining("nopass");
    }
}
