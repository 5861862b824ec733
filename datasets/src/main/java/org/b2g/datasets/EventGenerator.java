package org.b2g.datasets;

import java.io.StringWriter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes a {@code b2g-event/1} for a Ho Chi Minh City digital transformation day of any size, the same for the same
 * seed. Agencies are the city's real departments, districts and public bodies (then ward committees when more are
 * asked for); startups are invented. Needs and offerings come from {@link Vocabulary}: agencies mostly write in
 * Vietnamese, startups mostly in English, and a few type Vietnamese without diacritics, as people do. Requests
 * follow shared themes, some of them both ways (mutual); a few pairs are excluded; a few meetings are required
 * (agreement signings, the first one at a fixed slot and table).
 */
public final class EventGenerator {

    static final String SAMPLE_ID = "hcmc-dx-day-2024";
    static final String DAY = "2024-10-10";
    static final int SLOTS_PER_SESSION = 10;
    static final int SLOTS = 2 * SLOTS_PER_SESSION;

    private static final String[] NAME_STARTS = {"Viet", "Saigon", "Mekong", "Lotus", "Sen", "Rong", "Sao", "Tre",
        "Lac", "Phu", "BenThanh", "ThuThiem", "BachDang", "Nam", "HoaMai", "Song", "Da", "Kim", "An", "Minh",
        "Tan", "Hung", "Gia", "Nhat", "Thien"};
    private static final String[] NAME_CORES = {"Sense", "Flow", "Data", "Chain", "Mind", "Vision", "Map", "Care",
        "Learn", "Guard", "Works", "Labs", "Link", "Grid", "Path", "Wave", "Cloud", "Bot", "Byte", "Logic"};
    private static final String[] NAME_ENDS = {" AI", " Tech", "", " JSC", " Solutions", " Digital", " Analytics"};
    private static final String[][] PITCHES = {
        {"Already piloted with a district of the city.", "Đã thí điểm tại một quận của thành phố."},
        {"Runs on premises or in the government cloud.", "Triển khai tại chỗ hoặc trên đám mây của nhà nước."},
        {"Open APIs for integration with existing systems.", "Có API mở để tích hợp với hệ thống hiện có."},
        {"Priced per unit, with a free three-month pilot.", "Tính phí theo đơn vị, miễn phí thí điểm ba tháng."},
        {"Built by a team from Vietnam National University.", "Đội ngũ đến từ Đại học Quốc gia TP.HCM."},
    };
    private static final String[] WARD_DISTRICTS = {"Quận 3", "Quận 4", "Quận 5", "Quận 6", "Quận 8", "Quận 10",
        "Quận 11", "Quận Bình Thạnh", "Quận Gò Vấp", "Quận Tân Bình", "Quận Phú Nhuận"};
    private static final String[] WARD_DISTRICTS_EN = {"District 3", "District 4", "District 5", "District 6",
        "District 8", "District 10", "District 11", "Binh Thanh District", "Go Vap District", "Tan Binh District",
        "Phu Nhuan District"};
    private static final String[] WARD_THEMES = {"e-government", "digital-records", "flooding", "smart-traffic",
        "environment", "healthcare", "education"};
    private static final String[] EXCLUSION_REASONS = {
        "conflict of interest: the founder advised this agency last year",
        "conflict of interest: the startup is bidding in this agency's open tender",
        "conflict of interest: a co-founder is related to the head of the agency",
    };

    private final int startupCount;
    private final int agencyCount;
    private final long seed;
    private final String eventId;
    private final Random random;
    /** Tables handed out so far: each agency gets one per representative, then a few spares. */
    private int tableCount;

    /** Generated participants, kept to write requests, exclusions and meetings that make sense. */
    private record Startup(String id, List<String> themes, boolean alwaysThere) {
    }

    private record Agency(String id, List<String> themes, String homeTable, boolean alwaysThere) {
    }

    public EventGenerator(int startups, int agencies, long seed) {
        this(startups, agencies, seed, "hcmc-dx-day-" + startups + "x" + agencies + "-seed" + seed);
    }

    private EventGenerator(int startups, int agencies, long seed, String eventId) {
        if (startups < 1 || startups > 100_000) {
            throw new IllegalArgumentException("The number of startups (" + startups + ") is outside 1..100000.");
        }
        if (agencies < 1 || agencies > maxAgencies()) {
            throw new IllegalArgumentException("The number of agencies (" + agencies + ") is outside 1.."
                    + maxAgencies() + ".");
        }
        this.startupCount = startups;
        this.agencyCount = agencies;
        this.seed = seed;
        this.eventId = eventId;
        this.random = new Random(seed);
    }

    /** The sample of the {@code datasets} module: 60 startups, 20 agencies, seed 2024. */
    public static EventGenerator hcmcSample() {
        return new EventGenerator(60, 20, 2024, SAMPLE_ID);
    }

    /** The real public bodies, then ward committees of numbered districts (up to 28 wards each). */
    public static int maxAgencies() {
        return Vocabulary.AGENCIES.size() + WARD_DISTRICTS.length * 28;
    }

    /** The event as pretty-printed JSON text, ending with a newline. */
    public String json() {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(generate());
        }
        return text.toString().strip() + "\n";
    }

    public JsonObject generate() {
        random.setSeed(seed);
        JsonArrayBuilder participants = Json.createArrayBuilder();
        List<Agency> agencies = agencies(participants);
        List<Startup> startups = startups(participants);
        JsonArrayBuilder tables = Json.createArrayBuilder();
        for (int t = 1; t <= tableCount; t++) {
            tables.add(Json.createObjectBuilder().add("id", tableId(t)).add("name", "Table " + t));
        }
        Set<String> usedPairs = new HashSet<>();
        JsonArrayBuilder meetings = requiredMeetings(startups, agencies, usedPairs);
        JsonArrayBuilder exclusions = exclusions(startups, agencies, usedPairs);
        JsonArrayBuilder requests = requests(startups, agencies, usedPairs);
        return Json.createObjectBuilder()
                .add("format", "b2g-event/1")
                .add("event", Json.createObjectBuilder()
                        .add("id", eventId)
                        .add("name", "HCMC Digital Transformation Day 2024 — B2G meetings")
                        .add("timeZone", "Asia/Ho_Chi_Minh")
                        .add("slotMinutes", 20)
                        .add("sessions", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("id", "d1-am").add("day", DAY)
                                        .add("start", "08:30").add("end", "11:50"))
                                .add(Json.createObjectBuilder().add("id", "d1-pm").add("day", DAY)
                                        .add("start", "13:30").add("end", "16:50")))
                        .add("tables", tables))
                .add("participants", participants)
                .add("meetings", meetings)
                .add("requests", requests)
                .add("exclusions", exclusions)
                .add("rules", Json.createObjectBuilder()
                        .add("maxBreaksPerParticipant", 2)
                        .add("recommendationsPerParticipant", 3)
                        .add("minRelevance", 0.2))
                .build();
    }

    private static String tableId(int t) {
        return String.format("T%02d", t);
    }

    // ------------------------------------------------------------------ agencies

    private List<Agency> agencies(JsonArrayBuilder participants) {
        List<Agency> agencies = new ArrayList<>();
        tableCount = 0;
        for (int i = 0; i < agencyCount; i++) {
            Vocabulary.Agency profile = i < Vocabulary.AGENCIES.size() ? Vocabulary.AGENCIES.get(i) : ward(i);
            String homeTable = tableId(tableCount + 1);
            tableCount += profile.representatives();
            boolean leavesAtNoon = random.nextInt(10) == 0;
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", profile.id())
                    .add("role", "agency")
                    .add("name", profile.viName())
                    .add("englishName", profile.enName())
                    .add("representatives", profile.representatives())
                    .add("homeTable", homeTable)
                    .add("maxMeetings", profile.representatives() * 12 + random.nextInt(5))
                    .add("minMeetings", 2);
            if (leavesAtNoon) {
                json.add("unavailableSlots", slots(SLOTS_PER_SESSION + 1, SLOTS));
            }
            json.add("needs", needs(profile));
            participants.add(json);
            agencies.add(new Agency(profile.id(), profile.themes(), homeTable, !leavesAtNoon));
        }
        tableCount += Math.max(1, tableCount / 10); // spare tables for startups' second meetings with big agencies
        return agencies;
    }

    /** A ward's People's Committee, for events with more agencies than the city has departments and districts. */
    private Vocabulary.Agency ward(int i) {
        int k = i - Vocabulary.AGENCIES.size();
        int district = k % WARD_DISTRICTS.length;
        int ward = 1 + k / WARD_DISTRICTS.length;
        List<String> themes = new ArrayList<>(List.of(WARD_THEMES[random.nextInt(WARD_THEMES.length)]));
        String second = WARD_THEMES[random.nextInt(WARD_THEMES.length)];
        if (!themes.contains(second)) {
            themes.add(second);
        }
        String districtSlug = WARD_DISTRICTS_EN[district].replace(" District", "").replace("District ", "d")
                .replace(" ", "").toLowerCase(Locale.ROOT);
        return new Vocabulary.Agency("a-" + districtSlug + "-w" + ward,
                "UBND Phường " + ward + ", " + WARD_DISTRICTS[district],
                "People's Committee of Ward " + ward + ", " + WARD_DISTRICTS_EN[district], themes, 1);
    }

    private JsonArrayBuilder needs(Vocabulary.Agency profile) {
        JsonArrayBuilder needs = Json.createArrayBuilder();
        List<Vocabulary.Text> pool = new ArrayList<>();
        Map<Vocabulary.Text, Vocabulary.Theme> themeOf = new HashMap<>();
        for (String tag : profile.themes()) {
            Vocabulary.Theme theme = Vocabulary.theme(tag);
            for (Vocabulary.Text text : theme.needs()) {
                pool.add(text);
                themeOf.put(text, theme);
            }
        }
        int count = Math.min(pool.size(), 2 + random.nextInt(3));
        boolean vietnamese = random.nextInt(10) < 7;
        for (int k = 1; k <= count; k++) {
            // First the agency's main theme, then any of its themes.
            Vocabulary.Text text = k == 1 ? pool.remove(random.nextInt(Vocabulary.theme(profile.themes().get(0))
                    .needs().size())) : pool.remove(random.nextInt(pool.size()));
            int roll = random.nextInt(10);
            needs.add(Json.createObjectBuilder()
                    .add("id", profile.id() + "-n" + k)
                    .add("title", vietnamese ? text.viTitle() : text.enTitle())
                    .add("description", vietnamese ? text.viDescription() : text.enDescription())
                    .add("tags", tags(themeOf.get(text)))
                    .add("priority", roll < 4 ? 1 : roll < 8 ? 2 : 3));
        }
        return needs;
    }

    // ------------------------------------------------------------------ startups

    private List<Startup> startups(JsonArrayBuilder participants) {
        List<Startup> startups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int width = Math.max(3, String.valueOf(startupCount).length());
        List<Vocabulary.Theme> themes = Vocabulary.THEMES;
        for (int i = 1; i <= startupCount; i++) {
            String id = String.format("s-%0" + width + "d", i);
            String name = uniqueName(names, i);
            List<Vocabulary.Theme> own = new ArrayList<>(List.of(themes.get(random.nextInt(themes.size()))));
            Vocabulary.Theme second = themes.get(random.nextInt(themes.size()));
            if (random.nextInt(10) < 4 && !own.contains(second)) {
                own.add(second);
            }
            int language = random.nextInt(10); // 0-5 English, 6-8 Vietnamese, 9 Vietnamese typed without diacritics
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", id)
                    .add("role", "startup")
                    .add("name", name)
                    // No minimum: organizers set one for agencies, and the engine's own first-meeting rule
                    // (ScoreWeights.FIRST_MEETING) keeps startups from going home empty-handed.
                    .add("maxMeetings", 4 + random.nextInt(5));
            int availability = random.nextInt(100);
            if (availability < 10) {
                json.add("unavailableSlots", slots(1, 2 + random.nextInt(2))); // arrives late
            } else if (availability < 18) {
                json.add("unavailableSlots", slots(SLOTS_PER_SESSION + 1, SLOTS)); // morning only
            }
            json.add("offerings", offerings(id, own, language));
            participants.add(json);
            startups.add(new Startup(id, own.stream().map(Vocabulary.Theme::tag).toList(), availability >= 18));
        }
        return startups;
    }

    private String uniqueName(Set<String> names, int i) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String name = NAME_STARTS[random.nextInt(NAME_STARTS.length)] + NAME_CORES[random.nextInt(NAME_CORES.length)]
                    + NAME_ENDS[random.nextInt(NAME_ENDS.length)];
            if (names.add(name)) {
                return name;
            }
        }
        String name = NAME_STARTS[i % NAME_STARTS.length] + NAME_CORES[(i / NAME_STARTS.length) % NAME_CORES.length]
                + " " + i;
        names.add(name);
        return name;
    }

    private JsonArrayBuilder offerings(String id, List<Vocabulary.Theme> themes, int language) {
        JsonArrayBuilder offerings = Json.createArrayBuilder();
        List<Vocabulary.Text> pool = new ArrayList<>();
        Map<Vocabulary.Text, Vocabulary.Theme> themeOf = new HashMap<>();
        for (Vocabulary.Theme theme : themes) {
            for (Vocabulary.Text text : theme.offerings()) {
                pool.add(text);
                themeOf.put(text, theme);
            }
        }
        int count = Math.min(pool.size(), 2 + random.nextInt(3));
        for (int k = 1; k <= count; k++) {
            Vocabulary.Text text = pool.remove(random.nextInt(pool.size()));
            String[] pitch = PITCHES[random.nextInt(PITCHES.length)];
            String title = language < 6 ? text.enTitle() : text.viTitle();
            String description = language < 6 ? text.enDescription() + " " + pitch[0]
                    : text.viDescription() + " " + pitch[1];
            if (language == 9) {
                title = withoutDiacritics(title);
                description = withoutDiacritics(description);
            }
            offerings.add(Json.createObjectBuilder()
                    .add("id", id + "-o" + k)
                    .add("title", title)
                    .add("description", description)
                    .add("tags", tags(themeOf.get(text))));
        }
        return offerings;
    }

    /** The theme's tag and one or two of its related tags. */
    private JsonArrayBuilder tags(Vocabulary.Theme theme) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(theme.tag());
        int extra = 1 + random.nextInt(2);
        for (int i = 0; i < extra; i++) {
            tags.add(theme.related().get(random.nextInt(theme.related().size())));
        }
        JsonArrayBuilder json = Json.createArrayBuilder();
        tags.forEach(json::add);
        return json;
    }

    static String withoutDiacritics(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.replace('đ', 'd').replace('Đ', 'D');
    }

    private static JsonArrayBuilder slots(int from, int to) {
        JsonArrayBuilder slots = Json.createArrayBuilder();
        for (int s = from; s <= to; s++) {
            slots.add(s);
        }
        return slots;
    }

    // ------------------------------------------------------------------ meetings, exclusions, requests

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
    }

    /**
     * Agreement signings between an agency and a startup of one of its themes: about one per 30 startups, the first
     * at 08:30 at the agency's home table.
     */
    private JsonArrayBuilder requiredMeetings(List<Startup> startups, List<Agency> agencies, Set<String> used) {
        JsonArrayBuilder meetings = Json.createArrayBuilder();
        int count = Math.max(1, startups.size() / 30);
        Set<String> busyAgencies = new HashSet<>();
        for (int m = 1; m <= count; m++) {
            Startup startup = startups.get(random.nextInt(startups.size()));
            List<Agency> related = agencies.stream()
                    .filter(a -> a.alwaysThere() && a.themes().stream().anyMatch(startup.themes()::contains)).toList();
            if (!startup.alwaysThere() || related.isEmpty()) {
                continue;
            }
            Agency agency = related.get(random.nextInt(related.size()));
            if (!used.add(pair(startup.id(), agency.id()))) {
                continue;
            }
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("id", "m-" + m)
                    .add("participants", Json.createArrayBuilder().add(startup.id()).add(agency.id()));
            if (m == 1) {
                json.add("fixedSlot", 1).add("fixedTable", agency.homeTable());
            } else {
                json.add("session", busyAgencies.add(agency.id()) ? "d1-pm" : "d1-am");
            }
            meetings.add(json);
        }
        return meetings;
    }

    private JsonArrayBuilder exclusions(List<Startup> startups, List<Agency> agencies, Set<String> used) {
        JsonArrayBuilder exclusions = Json.createArrayBuilder();
        int count = Math.max(1, startups.size() / 25);
        for (int i = 0; i < count; i++) {
            Startup startup = startups.get(random.nextInt(startups.size()));
            List<Agency> related = agencies.stream()
                    .filter(a -> a.themes().stream().anyMatch(startup.themes()::contains)).toList();
            Agency agency = related.isEmpty() ? agencies.get(random.nextInt(agencies.size()))
                    : related.get(random.nextInt(related.size()));
            if (used.add(pair(startup.id(), agency.id()))) {
                exclusions.add(Json.createObjectBuilder()
                        .add("participants", Json.createArrayBuilder().add(startup.id()).add(agency.id()))
                        .add("reason", EXCLUSION_REASONS[random.nextInt(EXCLUSION_REASONS.length)]));
            }
        }
        return exclusions;
    }

    /**
     * Startups ask agencies of their themes; agencies ask startups of theirs, and answer some startups that asked
     * them (a mutual request). At most one {@code must} per participant, so that every must can be met.
     */
    private JsonArrayBuilder requests(List<Startup> startups, List<Agency> agencies, Set<String> excludedOrRequired) {
        JsonArrayBuilder requests = Json.createArrayBuilder();
        Set<String> asked = new HashSet<>();
        Set<String> hasMust = new HashSet<>();
        Map<String, List<String>> askedBy = new HashMap<>();
        Map<String, List<Agency>> agenciesByTheme = new HashMap<>();
        for (Agency agency : agencies) {
            agency.themes().forEach(t -> agenciesByTheme.computeIfAbsent(t, k -> new ArrayList<>()).add(agency));
        }
        Map<String, List<Startup>> startupsByTheme = new HashMap<>();
        for (Startup startup : startups) {
            startup.themes().forEach(t -> startupsByTheme.computeIfAbsent(t, k -> new ArrayList<>()).add(startup));
        }
        for (Startup startup : startups) {
            if (random.nextInt(10) >= 7) {
                continue;
            }
            List<Agency> fitting = startup.themes().stream()
                    .flatMap(t -> agenciesByTheme.getOrDefault(t, List.of()).stream()).distinct().toList();
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count && !fitting.isEmpty(); i++) {
                Agency agency = fitting.get(random.nextInt(fitting.size()));
                String priority = priority(random.nextInt(20), startup.id(), hasMust);
                if (ask(requests, asked, excludedOrRequired, startup.id(), agency.id(), priority)) {
                    askedBy.computeIfAbsent(agency.id(), k -> new ArrayList<>()).add(startup.id());
                }
            }
        }
        for (Agency agency : agencies) {
            List<String> askers = askedBy.getOrDefault(agency.id(), List.of());
            List<Startup> fitting = agency.themes().stream()
                    .flatMap(t -> startupsByTheme.getOrDefault(t, List.of()).stream()).distinct().toList();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String startup;
                if (!askers.isEmpty() && random.nextInt(10) < 4) {
                    startup = askers.get(random.nextInt(askers.size())); // makes the request mutual
                } else if (!fitting.isEmpty()) {
                    startup = fitting.get(random.nextInt(fitting.size())).id();
                } else {
                    continue;
                }
                ask(requests, asked, excludedOrRequired, agency.id(), startup,
                        priority(random.nextInt(20), agency.id(), hasMust));
            }
        }
        return requests;
    }

    /** 1 in 20 must (at most one per participant), 6 in 20 high, the rest normal. */
    private static String priority(int roll, String from, Set<String> hasMust) {
        if (roll == 0 && hasMust.add(from)) {
            return "must";
        }
        return roll < 7 ? "high" : "normal";
    }

    private static boolean ask(JsonArrayBuilder requests, Set<String> asked, Set<String> excludedOrRequired,
            String from, String to, String priority) {
        if (excludedOrRequired.contains(pair(from, to)) || !asked.add(from + ">" + to)) {
            return false;
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("from", from).add("to", to);
        if (!priority.equals("normal")) {
            json.add("priority", priority);
        }
        requests.add(json);
        return true;
    }
}
