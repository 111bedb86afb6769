package io.duban.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wire protocol stays in the transports: the engine, the commands and the domain services never see WeCom
 * frames, HTTP, WebSockets, crypto or SQL, and storage keeps Jdbi to itself.
 */
class DependencyRuleTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.duban");
    }

    @Test
    void theDomainDoesNotKnowTheWireProtocol() {
        noClasses().that().resideInAnyPackage("io.duban.bot.engine..", "io.duban.bot.command..",
                        "io.duban.bot.report..", "io.duban.bot.status..", "io.duban.bot.text..",
                        "io.duban.plan..", "io.duban.roster..", "io.duban.storage.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.duban.bot.wecom..", "okhttp3..",
                        "org.java_websocket..", "javax.crypto..", "com.sun.net.httpserver..",
                        "com.fasterxml.jackson..", "org.jdbi..", "java.sql..")
                .check(classes);
    }

    @Test
    void storageKeepsJdbiInsideItsOwnPackages() {
        noClasses().that().resideOutsideOfPackages("io.duban.storage", "io.duban.storage.jdbi..")
                .and().resideOutsideOfPackage("io.duban.bot.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..")
                .check(classes);
    }

    @Test
    void lowerModulesDoNotReachUp() {
        noClasses().that().resideInAnyPackage("io.duban.storage..", "io.duban.config..", "io.duban.plan..",
                        "io.duban.roster..")
                .should().dependOnClassesThat().resideInAnyPackage("io.duban.bot..")
                .check(classes);
    }

    @Test
    void theBotsPackagesAreFreeOfCycles() {
        slices().matching("io.duban.bot.(**)").should().beFreeOfCycles().check(classes);
    }
}
