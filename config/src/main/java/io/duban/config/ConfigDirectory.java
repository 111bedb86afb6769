package io.duban.config;

import io.duban.plan.Organization;
import io.duban.plan.PlanFiles;
import io.duban.plan.WorkPlan;
import io.duban.roster.ChatBinding;
import io.duban.roster.ChatKind;
import io.duban.roster.Person;
import io.duban.roster.Role;
import io.duban.roster.Roster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Everything under {@code config/}: settings ({@code duban.yml}, optional), the organization
 * ({@code organization.yaml}), the plans ({@code plans/YYYY.yaml}) and the roster ({@code roster.yaml}).
 * Loading validates all of it; the bot refuses to start on the first {@link ConfigException}.
 */
public record ConfigDirectory(
        Path dir, YamlNode rawSettings, Settings settings, Organization organization,
        SortedMap<Integer, WorkPlan> plans, Roster roster) {

    public static final String SETTINGS_FILE = "duban.yml";

    public static ConfigDirectory load(Path dir, Function<String, String> env) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir, 0, "", "configuration folder not found");
        }
        Path settingsFile = dir.resolve(SETTINGS_FILE);
        YamlNode rawSettings = Files.exists(settingsFile) ? YamlNode.read(settingsFile, env) : null;
        Settings settings = rawSettings == null ? Settings.defaults() : readSettings(rawSettings);
        Organization org = readOrganization(YamlNode.read(dir.resolve("organization.yaml"), env));
        SortedMap<Integer, WorkPlan> plans = PlanFiles.loadAll(dir.resolve("plans"), org);
        if (!plans.containsKey(settings.planYear())) {
            throw new ConfigException(settingsFile, 0, "planYear",
                    "no plan for " + settings.planYear() + " in " + dir.resolve("plans"));
        }
        Roster roster = readRoster(YamlNode.read(dir.resolve("roster.yaml"), env), org);
        return new ConfigDirectory(dir, rawSettings, settings, org, plans, roster);
    }

    public WorkPlan currentPlan() {
        return plans.get(settings.planYear());
    }

    /** Keys under the top level of duban.yml that other parts of the bot read (wecom, schedule …). */
    private static final List<String> SECTIONS = new ArrayList<>(List.of("wecom", "schedule", "callback", "app", "calendar", "export", "problems"));

    static Settings readSettings(YamlNode root) {
        Settings d = Settings.defaults();
        List<String> keys = new ArrayList<>(List.of("timezone", "planYear", "demoNow", "paceTolerancePercent",
                "staleWeeks", "maxMessageChars", "maxQuoteChars", "botName"));
        keys.addAll(SECTIONS);
        root.allowOnly(keys.toArray(String[]::new));
        ZoneId zone = root.get("timezone").map(n -> {
            try {
                return ZoneId.of(n.nonBlankText());
            } catch (DateTimeException e) {
                throw n.error("unknown time zone; use e.g. Asia/Shanghai");
            }
        }).orElse(d.zone());
        OffsetDateTime demoNow = root.get("demoNow").map(n -> {
            try {
                return OffsetDateTime.parse(n.nonBlankText());
            } catch (DateTimeParseException e) {
                throw n.error("expected a time like 2023-10-09T09:00+08:00");
            }
        }).orElse(d.demoNow());
        return new Settings(
                zone,
                root.get("planYear").map(YamlNode::integer).orElse(d.planYear()),
                demoNow,
                bounded(root, "paceTolerancePercent", 0, 100, d.paceTolerancePercent()),
                bounded(root, "staleWeeks", 1, 52, d.staleWeeks()),
                bounded(root, "maxMessageChars", 100, 100_000, d.maxMessageChars()),
                bounded(root, "maxQuoteChars", 20, 10_000, d.maxQuoteChars()),
                root.get("botName").map(YamlNode::nonBlankText).orElse(d.botName()));
    }

    private static int bounded(YamlNode root, String key, int min, int max, int fallback) {
        return root.get(key).map(n -> {
            int v = n.integer();
            if (v < min || v > max) {
                throw n.error("must be between " + min + " and " + max);
            }
            return v;
        }).orElse(fallback);
    }

    static Organization readOrganization(YamlNode root) {
        root.allowOnly("units", "groups");
        List<String> units = root.require("units").strings();
        Set<String> seen = new HashSet<>();
        for (String u : units) {
            if (!seen.add(u)) {
                throw root.require("units").error("unit '" + u + "' appears twice");
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        root.get("groups").ifPresent(g -> g.entries().forEach((name, members) -> {
            if (seen.contains(name)) {
                throw members.error("'" + name + "' is a unit and cannot also be a group");
            }
            List<String> list = members.strings();
            for (String m : list) {
                if (!seen.contains(m) && !groups.containsKey(m)) {
                    throw members.error("unknown unit '" + m + "' in group '" + name + "'");
                }
            }
            groups.put(name, list);
        }));
        return new Organization(units, groups);
    }

    static Roster readRoster(YamlNode root, Organization org) {
        root.allowOnly("people", "chats");
        List<Person> people = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode p : root.require("people").items()) {
            p.allowOnly("userid", "name", "unit", "role");
            String id = p.require("userid").nonBlankText();
            if (!ids.add(id)) {
                throw p.require("userid").error("userid '" + id + "' appears twice");
            }
            YamlNode unitNode = p.require("unit");
            String unit = unitNode.nonBlankText();
            if (!org.isUnit(unit)) {
                throw unitNode.error("unknown unit '" + unit + "'");
            }
            YamlNode roleNode = p.require("role");
            Role role = Role.parse(roleNode.nonBlankText())
                    .orElseThrow(() -> roleNode.error("role must be staff, contact, leader or admin"));
            people.add(new Person(id, p.require("name").nonBlankText(), unit, role));
        }
        List<ChatBinding> chats = new ArrayList<>();
        Set<String> chatIds = new HashSet<>();
        root.get("chats").ifPresent(list -> {
            for (YamlNode c : list.items()) {
                c.allowOnly("chatid", "kind", "unit");
                String id = c.require("chatid").nonBlankText();
                if (!chatIds.add(id)) {
                    throw c.require("chatid").error("chatid '" + id + "' appears twice");
                }
                YamlNode kindNode = c.require("kind");
                ChatKind kind;
                try {
                    kind = ChatKind.parse(kindNode.nonBlankText());
                } catch (IllegalArgumentException e) {
                    throw kindNode.error("kind must be unit or leaders");
                }
                if (kind == ChatKind.UNIT) {
                    YamlNode unitNode = c.require("unit");
                    String unit = unitNode.nonBlankText();
                    if (!org.isUnit(unit)) {
                        throw unitNode.error("unknown unit '" + unit + "'");
                    }
                    chats.add(ChatBinding.unit(id, unit));
                } else {
                    chats.add(ChatBinding.leaders(id));
                }
            }
        });
        return new Roster(people, chats);
    }
}
