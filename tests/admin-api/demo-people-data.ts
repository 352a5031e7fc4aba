// Names, places and phone formats for the demo shop's buyers, per country.
//
// Encodings keep the lists short:
//   given name  "Олена|olena|f"  native | latin (for e-mail) | gender; latin is
//               optional for Latin-script names ("Marie|f").
//   family name "Kowalski/Kowalska" masculine/feminine forms when the language
//               inflects surnames, optionally "|latin" ("Коваленко|kovalenko").
// Zip codes are real codes of the city they sit under; street names are common
// ones found in most towns of the country, house numbers are random.

import type { DemoRandom } from "./demo-random.ts";

export type City = { name: string; zips: readonly string[]; province?: string; provinceCode?: string };

export type StreetLines = { address1: string; address2: string | null };

export type Community = {
  weight: number;
  locale: string;
  given: readonly string[];
  family: readonly string[];
  cities: readonly City[];
  streets: readonly string[];
  street: (random: DemoRandom, streetName: string) => StreetLines;
  /** Spanish buyers often give both surnames. */
  doubleFamilyShare?: number;
  /** Share of buyers in a non-Latin-script country who type their name in Latin letters. */
  latinNameShare?: number;
};

export type Phone = { e164: string; national: string };

export type PeopleProfile = {
  communities: readonly Community[];
  emailDomains: readonly string[];
  /** A mobile number; `city` lets North American numbers use the local area code. */
  phone: (random: DemoRandom, city?: string) => Phone;
};

const num = (r: DemoRandom, max = 120) => String(r.int(1, max));
const maybe = (r: DemoRandom, p: number, make: () => string): string | null => (r.chance(p) ? make() : null);
const groups = (digits: string, sizes: readonly number[]) => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join(" ");
};
const city = (name: string, zips: string, province?: string, provinceCode?: string): City => ({
  name,
  zips: zips.split(","),
  province,
  provinceCode,
});

// --- France -----------------------------------------------------------------

const FR: PeopleProfile = {
  emailDomains: ["orange.example", "free.example", "laposte.example", "gmail.example", "sfr.example"],
  phone: (r) => {
    const rest = `${r.pick(["6", "7"])}${r.digits(8)}`;
    return { e164: `+33${rest}`, national: groups(`0${rest}`, [2, 2, 2, 2, 2]) };
  },
  communities: [
    {
      weight: 1,
      locale: "fr",
      given: [
        "Marie|f", "Camille|f", "Léa|f", "Chloé|f", "Manon|f", "Inès|f", "Julie|f", "Sophie|f", "Claire|f",
        "Élodie|f", "Nathalie|f", "Isabelle|f", "Lucas|m", "Hugo|m", "Thomas|m", "Julien|m", "Nicolas|m",
        "Antoine|m", "Maxime|m", "Louis|m", "Mathieu|m", "Pierre|m", "Olivier|m", "Baptiste|m",
      ],
      family: [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert",
        "Fontaine", "Rousseau", "Vincent", "Chevalier", "Gauthier", "Mercier",
      ],
      cities: [
        city("Paris", "75003,75011,75015,75018,75020"), city("Lyon", "69001,69003,69007"),
        city("Marseille", "13001,13006,13008"), city("Bordeaux", "33000,33800"), city("Lille", "59000,59800"),
        city("Nantes", "44000,44100"), city("Toulouse", "31000,31400"), city("Strasbourg", "67000"),
        city("Rennes", "35000"), city("Montpellier", "34000"), city("Grenoble", "38000"), city("Annecy", "74000"),
      ],
      streets: [
        "rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "boulevard Voltaire", "rue des Lilas",
        "rue du Faubourg Saint-Antoine", "rue Sainte-Catherine", "rue de la Paix", "avenue de la Libération",
        "rue Pasteur", "rue des Écoles", "quai des Chartrons", "cours Lafayette", "rue Nationale",
      ],
      street: (r, s) => ({
        address1: `${r.chance(0.15) ? `${num(r, 90)} bis` : num(r)} ${s}`,
        address2: maybe(r, 0.3, () => r.pick([`Bâtiment ${r.pick(["A", "B", "C"])}`, `Appartement ${num(r, 40)}`, `${r.int(1, 6)}e étage`, `Digicode ${r.digits(4)}`])),
      }),
    },
  ],
};

// --- Germany ------------------------------------------------------------------

const DE: PeopleProfile = {
  emailDomains: ["gmx.example", "web.example", "t-online.example", "posteo.example", "gmail.example"],
  phone: (r) => {
    const rest = `${r.pick(["151", "152", "157", "160", "170", "171", "172", "176", "179"])}${r.digits(8)}`;
    return { e164: `+49${rest}`, national: `0${rest.slice(0, 3)} ${rest.slice(3)}` };
  },
  communities: [
    {
      weight: 1,
      locale: "de",
      given: [
        "Anna|f", "Lena|f", "Laura|f", "Julia|f", "Katharina|f", "Sophie|f", "Hannah|f", "Sabine|f", "Petra|f",
        "Claudia|f", "Lukas|m", "Jonas|m", "Felix|m", "Maximilian|m", "Tobias|m", "Florian|m", "Stefan|m",
        "Michael|m", "Andreas|m", "Jan|m", "Matthias|m", "Sebastian|m",
      ],
      family: [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hofmann",
        "Krüger", "Hartmann", "Lange", "Werner",
      ],
      cities: [
        city("Berlin", "10115,10245,10437,12043"), city("Hamburg", "20095,22765"), city("München", "80331,80469,81667"),
        city("Köln", "50667,50823"), city("Frankfurt am Main", "60311,60594"), city("Stuttgart", "70173"),
        city("Düsseldorf", "40210"), city("Leipzig", "04109,04275"), city("Dresden", "01067"),
        city("Freiburg im Breisgau", "79098"), city("Münster", "48143"), city("Nürnberg", "90402"),
      ],
      streets: [
        "Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Gartenstraße", "Lindenstraße",
        "Bergmannstraße", "Kastanienallee", "Friedrichstraße", "Am Markt", "Rosenweg", "Schulstraße", "Mühlenweg",
      ],
      street: (r, s) => ({
        address1: `${s} ${num(r, 90)}${r.chance(0.1) ? r.pick(["a", "b"]) : ""}`,
        address2: maybe(r, 0.15, () => r.pick(["Hinterhaus", `${r.int(1, 5)}. OG`, "Seitenflügel"])),
      }),
    },
  ],
};

// --- Poland -------------------------------------------------------------------

const PL: PeopleProfile = {
  emailDomains: ["wp.example", "onet.example", "interia.example", "o2.example", "gmail.example"],
  phone: (r) => {
    const rest = `${r.pick(["50", "51", "53", "60", "66", "69", "72", "78", "79", "88"])}${r.digits(7)}`;
    return { e164: `+48${rest}`, national: groups(rest, [3, 3, 3]) };
  },
  communities: [
    {
      weight: 1,
      locale: "pl",
      given: [
        "Anna|f", "Katarzyna|f", "Małgorzata|f", "Agnieszka|f", "Magdalena|f", "Joanna|f", "Aleksandra|f",
        "Zofia|f", "Monika|f", "Ewa|f", "Piotr|m", "Krzysztof|m", "Tomasz|m", "Paweł|m", "Michał|m", "Marcin|m",
        "Jakub|m", "Łukasz|m", "Mateusz|m", "Kamil|m", "Adam|m",
      ],
      family: [
        "Kowalski/Kowalska", "Nowak", "Wiśniewski/Wiśniewska", "Wójcik", "Kowalczyk", "Kamiński/Kamińska",
        "Lewandowski/Lewandowska", "Zieliński/Zielińska", "Szymański/Szymańska", "Woźniak", "Dąbrowski/Dąbrowska",
        "Kozłowski/Kozłowska", "Jankowski/Jankowska", "Mazur", "Kwiatkowski/Kwiatkowska", "Krawczyk",
        "Piotrowski/Piotrowska", "Grabowski/Grabowska",
      ],
      cities: [
        city("Warszawa", "00-110,02-495,01-864,03-982"), city("Kraków", "30-059,31-042"), city("Wrocław", "50-102,53-333"),
        city("Gdańsk", "80-244,80-831"), city("Poznań", "60-101,61-894"), city("Łódź", "90-413"),
        city("Katowice", "40-097"), city("Lublin", "20-072"), city("Szczecin", "70-404"), city("Toruń", "87-100"),
      ],
      streets: [
        "ul. Marszałkowska", "ul. Piotrkowska", "ul. Długa", "ul. Floriańska", "ul. Mickiewicza", "ul. Słowackiego",
        "ul. Kościuszki", "ul. Polna", "ul. Lipowa", "ul. Ogrodowa", "al. Jerozolimskie", "ul. Świętojańska",
      ],
      street: (r, s) => ({
        address1: `${s} ${num(r, 150)}${r.chance(0.6) ? `/${num(r, 60)}` : ""}`,
        address2: null,
      }),
    },
  ],
};

// --- Ukraine ------------------------------------------------------------------

const UA: PeopleProfile = {
  emailDomains: ["ukr.example", "i.example", "gmail.example", "meta.example"],
  phone: (r) => {
    const rest = `${r.pick(["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"])}${r.digits(7)}`;
    return { e164: `+380${rest}`, national: `0${rest.slice(0, 2)} ${rest.slice(2, 5)} ${rest.slice(5, 7)} ${rest.slice(7)}` };
  },
  communities: [
    {
      weight: 1,
      locale: "uk",
      latinNameShare: 0.15,
      given: [
        "Олена|olena|f", "Ірина|iryna|f", "Наталія|nataliia|f", "Оксана|oksana|f", "Юлія|yuliia|f",
        "Тетяна|tetiana|f", "Анна|anna|f", "Марія|mariia|f", "Катерина|kateryna|f", "Софія|sofiia|f",
        "Андрій|andrii|m", "Олександр|oleksandr|m", "Дмитро|dmytro|m", "Сергій|serhii|m", "Максим|maksym|m",
        "Іван|ivan|m", "Тарас|taras|m", "Богдан|bohdan|m", "Володимир|volodymyr|m", "Микола|mykola|m",
      ],
      family: [
        "Коваленко|kovalenko", "Шевченко|shevchenko", "Бондаренко|bondarenko", "Ткаченко|tkachenko",
        "Кравченко|kravchenko", "Мельник|melnyk", "Бойко|boiko", "Коваль|koval", "Олійник|oliinyk",
        "Лисенко|lysenko", "Савченко|savchenko", "Руденко|rudenko", "Мороз|moroz", "Марченко|marchenko",
        "Павленко|pavlenko", "Петренко|petrenko", "Гончаренко|honcharenko", "Кузьменко|kuzmenko",
        "Поліщук|polishchuk", "Литвиненко|lytvynenko",
      ],
      cities: [
        city("Київ", "01004,02094,03150,04053"), city("Львів", "79000,79005,79058"), city("Харків", "61002,61057"),
        city("Одеса", "65012,65045"), city("Дніпро", "49000,49044"), city("Вінниця", "21050"),
        city("Івано-Франківськ", "76018"), city("Ужгород", "88000"), city("Полтава", "36011"),
        city("Чернівці", "58000"), city("Житомир", "10014"), city("Тернопіль", "46001"),
      ],
      streets: [
        "вул. Шевченка", "вул. Хрещатик", "вул. Січових Стрільців", "просп. Свободи", "вул. Грушевського",
        "вул. Івана Франка", "вул. Соборна", "вул. Незалежності", "вул. Садова", "бульв. Лесі Українки",
      ],
      // Many Ukrainian buyers collect parcels at a Nova Poshta branch rather than at home.
      street: (r, s) =>
        r.chance(0.45)
          ? { address1: `Нова Пошта, відділення №${r.int(1, 180)}`, address2: null }
          : { address1: `${s}, ${num(r, 140)}`, address2: maybe(r, 0.7, () => `кв. ${num(r, 220)}`) },
    },
  ],
};

// --- Greece -------------------------------------------------------------------

const GR: PeopleProfile = {
  emailDomains: ["otenet.example", "yahoo.example", "gmail.example", "hol.example"],
  phone: (r) => {
    const rest = `69${r.pick(["4", "7", "8", "9"])}${r.digits(7)}`;
    return { e164: `+30${rest}`, national: groups(rest, [3, 3, 4]) };
  },
  communities: [
    {
      weight: 1,
      locale: "el",
      latinNameShare: 0.2,
      given: [
        "Μαρία|maria|f", "Ελένη|eleni|f", "Κατερίνα|katerina|f", "Γεωργία|georgia|f", "Σοφία|sofia|f",
        "Δήμητρα|dimitra|f", "Αναστασία|anastasia|f", "Χριστίνα|christina|f", "Γιώργος|giorgos|m",
        "Δημήτρης|dimitris|m", "Νίκος|nikos|m", "Κώστας|kostas|m", "Γιάννης|giannis|m", "Παναγιώτης|panagiotis|m",
        "Αλέξανδρος|alexandros|m", "Χρήστος|christos|m", "Βασίλης|vasilis|m",
      ],
      family: [
        "Παπαδόπουλος/Παπαδοπούλου|papadopoulos/papadopoulou", "Παπανικολάου|papanikolaou", "Γεωργίου|georgiou",
        "Οικονόμου|oikonomou", "Βασιλείου|vasileiou", "Δημητρίου|dimitriou", "Νικολάου|nikolaou", "Ιωάννου|ioannou",
        "Παπαδάκης/Παπαδάκη|papadakis/papadaki", "Αντωνίου|antoniou", "Καραγιάννης/Καραγιάννη|karagiannis/karagianni",
        "Μακρής/Μακρή|makris/makri", "Αλεξίου|alexiou", "Κωνσταντίνου|konstantinou",
        "Λαμπρόπουλος/Λαμπροπούλου|lampropoulos/lampropoulou",
      ],
      cities: [
        city("Αθήνα", "105 57,106 76,115 21,113 62"), city("Θεσσαλονίκη", "546 22,546 35,552 36"), city("Πάτρα", "262 21"),
        city("Ηράκλειο", "712 01"), city("Λάρισα", "412 22"), city("Βόλος", "382 21"), city("Ιωάννινα", "453 32"),
        city("Χανιά", "731 32"), city("Καλαμάτα", "241 00"), city("Ρόδος", "851 00"),
      ],
      streets: [
        "Ερμού", "Πατησίων", "Σταδίου", "Αιόλου", "Τσιμισκή", "Εγνατίας", "Μητροπόλεως", "Αγίου Δημητρίου",
        "Κηφισίας", "Βασιλίσσης Σοφίας",
      ],
      street: (r, s) => ({ address1: `${s} ${num(r, 180)}`, address2: maybe(r, 0.25, () => `${r.int(1, 6)}ος όροφος`) }),
    },
  ],
};

// --- Spain --------------------------------------------------------------------

const ES: PeopleProfile = {
  emailDomains: ["telefonica.example", "yahoo.example", "gmail.example", "hotmail.example"],
  phone: (r) => {
    const rest = `6${r.digits(8)}`;
    return { e164: `+34${rest}`, national: groups(rest, [3, 2, 2, 2]) };
  },
  communities: [
    {
      weight: 1,
      locale: "es",
      doubleFamilyShare: 0.6,
      given: [
        "María|f", "Lucía|f", "Carmen|f", "Laura|f", "Marta|f", "Paula|f", "Elena|f", "Sara|f", "Ana|f",
        "Cristina|f", "Alejandro|m", "Daniel|m", "Pablo|m", "Javier|m", "Sergio|m", "David|m", "Carlos|m",
        "Jorge|m", "Adrián|m", "Miguel|m",
      ],
      family: [
        "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
        "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Torres",
      ],
      cities: [
        city("Madrid", "28004,28013,28045", "Madrid", "M"), city("Barcelona", "08001,08012,08036", "Barcelona", "B"),
        city("Valencia", "46002,46021", "Valencia", "V"), city("Sevilla", "41001,41004", "Sevilla", "SE"),
        city("Málaga", "29001,29016", "Málaga", "MA"), city("Zaragoza", "50001,50004", "Zaragoza", "Z"),
        city("Granada", "18001,18009", "Granada", "GR"), city("Alicante", "03001,03005", "Alicante", "A"),
        city("Valladolid", "47001", "Valladolid", "VA"), city("Murcia", "30001", "Murcia", "MU"),
      ],
      streets: [
        "Calle Mayor", "Calle de Alcalá", "Gran Vía", "Calle Real", "Avenida de la Constitución", "Calle San Fernando",
        "Paseo de Gracia", "Calle Larios", "Calle Colón", "Calle del Carmen",
      ],
      street: (r, s) => ({
        address1: `${s}, ${num(r, 160)}`,
        address2: maybe(r, 0.65, () => `${r.int(1, 8)}º ${r.pick(["A", "B", "C", "D", "izda.", "dcha."])}`),
      }),
    },
  ],
};

// --- United Kingdom -------------------------------------------------------------

const GB: PeopleProfile = {
  emailDomains: ["btinternet.example", "outlook.example", "gmail.example", "sky.example"],
  // Ofcom's range reserved for fiction: 07700 900000–900999.
  phone: (r) => {
    const tail = r.digits(3);
    return { e164: `+447700900${tail}`, national: `07700 900${tail}` };
  },
  communities: [
    {
      weight: 1,
      locale: "en",
      given: [
        "Olivia|f", "Amelia|f", "Emily|f", "Charlotte|f", "Sophie|f", "Grace|f", "Hannah|f", "Lucy|f", "Jessica|f",
        "Rebecca|f", "Oliver|m", "George|m", "Harry|m", "Jack|m", "James|m", "William|m", "Thomas|m", "Daniel|m",
        "Samuel|m", "Matthew|m",
      ],
      family: [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Hughes", "Edwards", "Green", "Hall",
      ],
      cities: [
        city("London", "E8 3RL,SW9 8BH,N1 9GU,SE15 4QL,NW5 2HB"), city("Manchester", "M4 1HN,M20 6RT"),
        city("Bristol", "BS1 5TR,BS6 5AJ"), city("Leeds", "LS6 2DR"), city("Edinburgh", "EH6 6JJ,EH10 4BF"),
        city("Glasgow", "G12 8QQ"), city("Brighton", "BN1 4GH"), city("Cambridge", "CB1 2LA"), city("Oxford", "OX4 1AU"),
        city("Cardiff", "CF24 3AA"), city("York", "YO1 7HH"), city("Norwich", "NR2 1RQ"),
      ],
      streets: [
        "High Street", "Church Lane", "Victoria Road", "Station Road", "Park Avenue", "Mill Lane", "Queen's Road",
        "The Crescent", "Albert Street", "Manor Road",
      ],
      street: (r, s) => ({ address1: `${num(r, 140)} ${s}`, address2: maybe(r, 0.3, () => `Flat ${num(r, 24)}`) }),
    },
  ],
};

// --- United States --------------------------------------------------------------

const US_AREA_CODES: Record<string, readonly string[]> = {
  "New York": ["212", "646"], Brooklyn: ["718", "347"], "Los Angeles": ["213", "323"], "San Francisco": ["415"],
  Seattle: ["206"], Portland: ["503"], Chicago: ["312", "773"], Austin: ["512"], Boston: ["617"],
  Denver: ["303", "720"], Minneapolis: ["612"], Philadelphia: ["215"], Asheville: ["828"],
};

const CA_AREA_CODES: Record<string, readonly string[]> = {
  Toronto: ["416", "647"], Ottawa: ["613"], Vancouver: ["604"], Victoria: ["250"], Calgary: ["403"],
  Halifax: ["902"], Winnipeg: ["204"], "Montréal": ["514", "438"], "Québec": ["418"], Sherbrooke: ["819"],
};

const usStreet = (r: DemoRandom, s: string): StreetLines => ({
  address1: `${r.int(12, 4890)} ${s}`,
  address2: maybe(r, 0.3, () => `Apt ${r.int(1, 12)}${r.pick(["A", "B", "C", "D"])}`),
});

const US: PeopleProfile = {
  emailDomains: ["gmail.example", "icloud.example", "yahoo.example", "outlook.example"],
  // 555-0100–0199 is reserved for fictional use in the North American plan.
  phone: (r, place) => {
    const area = r.pick(US_AREA_CODES[place ?? ""] ?? ["212", "415", "312"]);
    const line = `01${r.digits(2)}`;
    return { e164: `+1${area}555${line}`, national: `(${area}) 555-${line}` };
  },
  communities: [
    {
      weight: 1,
      locale: "en",
      given: [
        "Emma|f", "Olivia|f", "Ava|f", "Madison|f", "Abigail|f", "Emily|f", "Sarah|f", "Jennifer|f", "Ashley|f",
        "Megan|f", "Michael|m", "Christopher|m", "Matthew|m", "Joshua|m", "Andrew|m", "Ryan|m", "Tyler|m",
        "Brandon|m", "Justin|m", "Kevin|m",
      ],
      family: [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Rodriguez", "Wilson",
        "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "Harris", "Clark",
      ],
      cities: [
        city("New York", "10001,10014,10025", "New York", "NY"), city("Brooklyn", "11211,11215", "New York", "NY"),
        city("Los Angeles", "90026,90046", "California", "CA"), city("San Francisco", "94110,94117", "California", "CA"),
        city("Seattle", "98103,98122", "Washington", "WA"), city("Portland", "97214", "Oregon", "OR"),
        city("Chicago", "60614,60622", "Illinois", "IL"), city("Austin", "78704", "Texas", "TX"),
        city("Boston", "02116,02130", "Massachusetts", "MA"), city("Denver", "80205", "Colorado", "CO"),
        city("Minneapolis", "55408", "Minnesota", "MN"), city("Philadelphia", "19103", "Pennsylvania", "PA"),
        city("Asheville", "28801", "North Carolina", "NC"),
      ],
      streets: [
        "Maple Avenue", "Oak Street", "Elm Street", "Main Street", "Park Place", "Cedar Lane", "Washington Avenue",
        "Pine Street", "Lakeview Drive", "Sunset Boulevard",
      ],
      street: usStreet,
    },
  ],
};

// --- Canada -----------------------------------------------------------------------

const CA: PeopleProfile = {
  emailDomains: ["gmail.example", "rogers.example", "shaw.example", "videotron.example"],
  phone: (r, place) => {
    const area = r.pick(CA_AREA_CODES[place ?? ""] ?? ["416", "514", "604"]);
    const line = `01${r.digits(2)}`;
    return { e164: `+1${area}555${line}`, national: `${area}-555-${line}` };
  },
  communities: [
    {
      weight: 0.7,
      locale: "en",
      given: [
        "Emma|f", "Olivia|f", "Chloe|f", "Sarah|f", "Jessica|f", "Emily|f", "Liam|m", "Noah|m", "Ethan|m", "Ryan|m",
        "Nathan|m", "Owen|m",
      ],
      family: ["Smith", "Brown", "Martin", "Wilson", "MacDonald", "Campbell", "Anderson", "Taylor", "Thompson", "Young", "Roy", "Stewart"],
      cities: [
        city("Toronto", "M5V 2T6,M6J 1H4,M4E 2V5", "Ontario", "ON"), city("Ottawa", "K1N 5T1", "Ontario", "ON"),
        city("Vancouver", "V6B 1A1,V5L 3X4", "British Columbia", "BC"), city("Victoria", "V8W 1P6", "British Columbia", "BC"),
        city("Calgary", "T2S 0B3", "Alberta", "AB"), city("Halifax", "B3H 1Y6", "Nova Scotia", "NS"),
        city("Winnipeg", "R3C 0V8", "Manitoba", "MB"),
      ],
      streets: ["Queen Street West", "King Street East", "Bloor Street West", "Main Street", "Granville Street", "Commercial Drive", "Spring Garden Road"],
      street: (r, s) => ({ address1: `${r.int(10, 2400)} ${s}`, address2: maybe(r, 0.3, () => `Unit ${r.int(101, 1804)}`) }),
    },
    {
      weight: 0.3,
      locale: "fr-CA",
      given: [
        "Émilie|f", "Catherine|f", "Geneviève|f", "Isabelle|f", "Marie-Ève|f", "Jean-François|m", "Mathieu|m",
        "Étienne|m", "Simon|m", "Alexandre|m",
      ],
      family: ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier"],
      cities: [
        city("Montréal", "H2T 1S6,H2J 2L1,H4C 1J7", "Quebec", "QC"), city("Québec", "G1R 4P5", "Quebec", "QC"),
        city("Sherbrooke", "J1H 1P8", "Quebec", "QC"),
      ],
      streets: ["rue Saint-Denis", "avenue du Mont-Royal Est", "rue Sherbrooke Est", "boulevard Saint-Laurent", "rue Saint-Jean", "avenue Laurier Ouest"],
      street: (r, s) => ({ address1: `${r.int(10, 5800)} ${s}`, address2: maybe(r, 0.35, () => `app. ${r.int(1, 12)}`) }),
    },
  ],
};

// --- Italy ---------------------------------------------------------------------------

const IT: PeopleProfile = {
  emailDomains: ["libero.example", "tiscali.example", "virgilio.example", "gmail.example"],
  phone: (r) => {
    const rest = `3${r.pick(["20", "28", "33", "38", "40", "45", "47", "49", "66", "92"])}${r.digits(7)}`;
    return { e164: `+39${rest}`, national: groups(rest, [3, 3, 4]) };
  },
  communities: [
    {
      weight: 1,
      locale: "it",
      given: [
        "Giulia|f", "Chiara|f", "Francesca|f", "Sara|f", "Martina|f", "Valentina|f", "Alessia|f", "Elena|f",
        "Federica|f", "Silvia|f", "Marco|m", "Alessandro|m", "Luca|m", "Matteo|m", "Andrea|m", "Francesco|m",
        "Lorenzo|m", "Davide|m", "Simone|m", "Giovanni|m",
      ],
      family: [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
        "Gallo", "Conti", "De Luca", "Costa", "Giordano", "Mancini", "Rizzo", "Lombardi", "Moretti",
      ],
      cities: [
        city("Roma", "00153,00185,00197", "Roma", "RM"), city("Milano", "20121,20135,20144", "Milano", "MI"),
        city("Torino", "10123,10153", "Torino", "TO"), city("Firenze", "50122,50133", "Firenze", "FI"),
        city("Bologna", "40125,40137", "Bologna", "BO"), city("Napoli", "80132,80138", "Napoli", "NA"),
        city("Verona", "37121", "Verona", "VR"), city("Padova", "35121", "Padova", "PD"), city("Genova", "16128", "Genova", "GE"),
        city("Palermo", "90133", "Palermo", "PA"), city("Bari", "70122", "Bari", "BA"), city("Trento", "38122", "Trento", "TN"),
      ],
      streets: [
        "Via Roma", "Via Garibaldi", "Via Mazzini", "Corso Vittorio Emanuele II", "Via Dante", "Via Cavour", "Via Verdi",
        "Piazza della Repubblica", "Via dei Mille", "Via Nazionale",
      ],
      street: (r, s) => ({ address1: `${s}, ${num(r, 150)}`, address2: maybe(r, 0.25, () => r.pick([`Scala ${r.pick(["A", "B"])}`, `Interno ${num(r, 30)}`, "c/o portineria"])) }),
    },
  ],
};

// --- Netherlands ------------------------------------------------------------------------

const NL: PeopleProfile = {
  emailDomains: ["ziggo.example", "kpnmail.example", "hotmail.example", "gmail.example"],
  phone: (r) => {
    const rest = `6${r.digits(8)}`;
    return { e164: `+31${rest}`, national: `06 ${rest.slice(1)}` };
  },
  communities: [
    {
      weight: 1,
      locale: "nl",
      given: [
        "Emma|f", "Sophie|f", "Julia|f", "Anna|f", "Lisa|f", "Sanne|f", "Fleur|f", "Eva|f", "Daan|m", "Sem|m",
        "Lucas|m", "Bram|m", "Thijs|m", "Jesse|m", "Ruben|m", "Lars|m", "Niels|m", "Joris|m",
      ],
      family: [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
      ],
      cities: [
        city("Amsterdam", "1015 CJ,1072 LH,1091 GH"), city("Rotterdam", "3011 AD,3021 JK"), city("Utrecht", "3511 LX,3581 KP"),
        city("Den Haag", "2511 BT,2582 LS"), city("Eindhoven", "5611 EM"), city("Groningen", "9711 LM"),
        city("Haarlem", "2011 HK"), city("Leiden", "2311 EW"), city("Nijmegen", "6511 PP"), city("Delft", "2611 HW"),
      ],
      streets: [
        "Prinsengracht", "Keizersgracht", "Herengracht", "Kerkstraat", "Dorpsstraat", "Molenweg", "Oudegracht",
        "Nieuwe Binnenweg", "Vondelstraat", "Wilhelminastraat",
      ],
      street: (r, s) => ({ address1: `${s} ${num(r, 320)}${r.chance(0.25) ? `-${r.pick(["I", "II", "III", "hs"])}` : ""}`, address2: null }),
    },
  ],
};

export const PEOPLE = { FR, DE, PL, UA, GR, ES, GB, US, CA, IT, NL } as const;
