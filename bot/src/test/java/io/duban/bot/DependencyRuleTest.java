package io.duban.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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

    /** The packages that hold the bot's own logic: what people say, what is due, what is stored. */
    static final String[] DOMAIN = {"io.duban.bot.message..", "io.duban.bot.engine..", "io.duban.bot.command..",
        "io.duban.bot.report..", "io.duban.bot.status..", "io.duban.bot.text..", "io.duban.bot.review..",
        "io.duban.bot.closure..", "io.duban.bot.notify..", "io.duban.bot.schedule..", "io.duban.bot.export..",
        "io.duban.bot.chart..", "io.duban.plan..", "io.duban.roster..", "io.duban.calendar..",
        "io.duban.storage.model.."};

    @Test
    void theDomainDoesNotKnowTheWireProtocol() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.duban.bot.wecom..", "io.duban.bot.serve..",
                        "io.duban.bot.console..", "io.duban.bot.cli..", "okhttp3..", "java.net.http..",
                        "org.java_websocket..", "javax.crypto..", "com.sun.net.httpserver..",
                        "com.fasterxml.jackson..", "org.jdbi..", "java.sql..")
                .check(classes);
    }

    /** Transports know the engine only by its one inbound port. */
    @Test
    void transportsTalkToTheEngineOnlyThroughItsPort() {
        noClasses().that().resideInAnyPackage("io.duban.bot.wecom..", "io.duban.bot.console..",
                        "io.duban.bot.serve..")
                .and().doNotHaveSimpleName("DemoData") // seeds the demo database, not a transport
                .should().dependOnClassesThat().haveFullyQualifiedName("io.duban.bot.engine.BotEngine")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.duban.bot.command..")
                .check(classes);
    }

    /** The domain puts messages into the outbox; how a channel splits, limits and sends them is not its business. */
    @Test
    void theDomainDoesNotSeeTheOutboxsWireTypes() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.duban.bot.outbox..")
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

    /**
     * No package cycles anywhere. Two modules count as one slice each where a facade and what it builds know each
     * other: the storage facade and its Jdbi implementations (Jdbi stays inside, see
     * {@link #storageKeepsJdbiInsideItsOwnPackages}), and the configuration folder with the plan files it loads
     * (the plan's loaders read YAML through io.duban.config).
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (!p.startsWith("io.duban.")) {
                    return SliceIdentifier.ignore();
                }
                if (c.getName().equals("io.duban.bot.Main")) {
                    return SliceIdentifier.of("io.duban.bot.cli"); // the command line's entry point
                }
                if (p.startsWith("io.duban.storage.jdbi")) {
                    return SliceIdentifier.of("io.duban.storage");
                }
                return SliceIdentifier.of(p.equals("io.duban.plan") ? "io.duban.config" : p);
            }

            @Override
            public String getDescription() {
                return "the packages of io.duban (storage with its Jdbi implementation, config with the plan)";
            }
        }).should().beFreeOfCycles().check(classes);
    }

    /**
     * Services take typed input and return results; the chat commands word them. No Chinese outside comments in
     * the office's services (核查, 销号) nor in the report service and the results it returns (报送, 更正, 撤回).
     * The report parsers (ReportParser, PartReader, StatusWords …) recognise Chinese input and stay out of this.
     */
    @Test
    void theServicesDoNotWordReplies() throws java.io.IOException {
        java.nio.file.Path bot = java.nio.file.Path.of("src/main/java/io/duban/bot");
        java.util.List<java.nio.file.Path> checked = new java.util.ArrayList<>();
        for (String folder : java.util.List.of("review", "closure")) {
            try (var files = java.nio.file.Files.list(bot.resolve(folder))) {
                checked.addAll(files.toList());
            }
        }
        for (String service : java.util.List.of("ReportService", "SubmitResult", "ReportOutcome", "Refusal",
                "NoChangeResult", "CorrectResult", "WithdrawResult")) {
            checked.add(bot.resolve("report").resolve(service + ".java"));
        }
        java.util.regex.Pattern chinese = java.util.regex.Pattern.compile("[\\x{4e00}-\\x{9fff}]");
        for (java.nio.file.Path f : checked) {
            int n = 0;
            for (String line : java.nio.file.Files.readAllLines(f)) {
                n++;
                String code = line.strip();
                if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                    continue;
                }
                org.assertj.core.api.Assertions.assertThat(chinese.matcher(code).find())
                        .as(f.getFileName() + ":" + n + " words a reply: " + code).isFalse();
            }
        }
    }

    /**
     * One composition root: the jobs take the board, the measures, the chart, the 台账 export and the due rules
     * that {@code App} built once, and ask them for a moment ({@code board.asOf(at)}) instead of building their own.
     */
    @Test
    void theRhythmBuildsNoServiceOfItsOwn() {
        noClasses().that().resideInAPackage("io.duban.bot.schedule..")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                        io.duban.bot.status.StatusBoard.class,
                                        io.duban.bot.problem.ProblemService.class,
                                        io.duban.bot.metric.MetricService.class,
                                        io.duban.bot.milestone.MilestoneService.class,
                                        io.duban.bot.review.ReturnedReports.class,
                                        io.duban.bot.chart.WeeklyPicture.class,
                                        io.duban.bot.export.LedgerExport.class,
                                        io.duban.bot.duty.DutyRules.class))))
                .check(classes);
    }

    /** The report service answers the commands with results; it never reaches back into them. */
    @Test
    void reportsDoNotKnowTheCommands() {
        noClasses().that().resideInAPackage("io.duban.bot.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.duban.bot.command..")
                .check(classes);
    }
}
