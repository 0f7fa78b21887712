package dev.envclone.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envclone.procedure.CleanupCatalog;
import dev.envclone.sql.Dbms;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CleanupEnvironmentSecurityTest {

    /** The document's eighteen keys, spelled as it spells them. */
    private static final List<String> SECURITY_KEYS = List.of(
            "ClientApplicationToken",
            "privateKeyValidation",
            "OutSystems.HubEdition.MobileLogin_AuthenticationHMACKey",
            "OutSystems.HubEdition.MobileLogin_AuthenticationEncryptKey",
            "OutSystems.HubEdition.References.AuthenticationEncryptKey",
            "OutSystems.HubEdition.References.HashKey",
            "OutSystems.SystemComponents.Users.AuthenticationEncryptKey",
            "OutSystems.SystemComponents.Users.HashKey",
            "LifetTime.FallbackAuthToken",
            "OutSystems.IdentityService.AllowIdPAuthOnly",
            "OutSystems.IdentityService.Claims.Username",
            "OutSystems.IdentityService.isActive",
            "OutSystems.IdentityService.LoginClient.ClientId",
            "OutSystems.IdentityService.LoginClient.NativeClientId",
            "OutSystems.IdentityService.LoginClient.WebClientId",
            "OutSystems.IdentityService.Scopes",
            "OutSystems.IdentityService.ServiceUrl",
            "OutSystems.SiteProperties.EncryptionKey");

    /** Parameters the step must leave: ordinary settings and names that only resemble the keys. */
    private static final List<String> KEPT = List.of(
            "DefaultDomain",
            "OutSystems.IdentityService.ServiceUrl.Fallback",
            // The document's 'LifetTime' spelling does not match this one, so the step leaves it.
            "LifeTime.FallbackAuthToken");

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void deletesOnlyTheEighteenSecurityParameters(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            int id = 1;
            for (String key : SECURITY_KEYS) {
                db.insert("ossys_Parameter (ID, NAME, VAL)", id++, key, "secret-of-source");
            }
            List<String> kept = new ArrayList<>();
            for (String name : KEPT) {
                db.insert("ossys_Parameter (ID, NAME, VAL)", id, name, "keep");
                kept.add(id++ + ", '" + name + "', 'keep'");
            }

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.ENVIRONMENT_SECURITY);

            assertEquals(Collections.nCopies(18, 1), CleanupRun.countsOf(executed));
            for (int i = 0; i < SECURITY_KEYS.size(); i++) {
                assertEquals(List.of((i + 1) + ", '" + SECURITY_KEYS.get(i) + "', 'secret-of-source'"),
                        executed.get(i).preImage());
            }
            assertEquals(kept, db.rows("ossys_Parameter", "ID, NAME, VAL"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dbms.class)
    void changesNothingWhenTheKeysAreAlreadyGone(Dbms dbms) throws SQLException {
        try (PlatformDatabase db = PlatformDatabase.create(dbms)) {
            db.insert("ossys_Parameter (ID, NAME, VAL)", 1, "DefaultDomain", "keep");

            List<CleanupRun.Executed> executed = CleanupRun.run(db, CleanupCatalog.ENVIRONMENT_SECURITY);

            assertEquals(Collections.nCopies(18, 0), CleanupRun.countsOf(executed));
            assertEquals(List.of("1, 'DefaultDomain', 'keep'"), db.rows("ossys_Parameter", "ID, NAME, VAL"));
        }
    }
}
