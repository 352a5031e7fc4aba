// Buyers of the demo shop: a name, an address, an e-mail and maybe a phone
// number that all look like they come from the same country.
//
// E-mail addresses use the reserved ".example" top-level domain (RFC 2606) so
// that nothing built on this data can ever mail a real person.

import type { CountryProfile } from "./demo-countries.ts";
import type { IdAllocator } from "./demo-ids.ts";
import type { City, Community, Phone } from "./demo-people-data.ts";
import type { DemoRandom } from "./demo-random.ts";
import type { MailingAddressRecord } from "./demo-types.ts";

export type AddressParts = {
  address1: string;
  address2: string | null;
  city: string;
  zip: string;
  province: string | null;
  provinceCode: string | null;
};

export type Person = {
  country: CountryProfile;
  community: Community;
  locale: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: Phone | null;
  address: AddressParts;
};

type NamePart = { native: string; latin: string };

const SPECIAL_LATIN: Record<string, string> = { ł: "l", Ł: "L", ß: "ss", ø: "o", æ: "ae", œ: "oe" };

/** Plain ASCII form of a Latin-script name, for e-mail local parts. */
export function asciiName(name: string): string {
  return name
    .replace(/[łŁßøæœ]/g, (ch) => SPECIAL_LATIN[ch] ?? ch)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z-]/g, "");
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function pickGiven(random: DemoRandom, community: Community): NamePart & { gender: string } {
  const parts = random.pick(community.given).split("|");
  const native = parts[0] ?? "";
  if (parts.length === 3) return { native, latin: parts[1] ?? "", gender: parts[2] ?? "" };
  return { native, latin: asciiName(native), gender: parts[1] ?? "" };
}

/** The feminine form for women when the language has one, else the only form. */
const formFor = (forms: string, gender: string) => {
  const list = forms.split("/");
  return (gender === "f" ? list[1] : undefined) ?? list[0] ?? "";
};

/** "Kowalski/Kowalska" or "Παπαδάκης/Παπαδάκη|papadakis/papadaki" -> the form for `gender`. */
function pickFamily(random: DemoRandom, community: Community, gender: string): NamePart {
  const [nativeForms = "", latinForms] = random.pick(community.family).split("|");
  const native = formFor(nativeForms, gender);
  return { native, latin: latinForms ? formFor(latinForms, gender) : asciiName(native) };
}

function pickName(random: DemoRandom, community: Community): { first: NamePart; last: NamePart } {
  const given = pickGiven(random, community);
  let last = pickFamily(random, community, given.gender);
  if (community.doubleFamilyShare && random.chance(community.doubleFamilyShare)) {
    const second = pickFamily(random, community, given.gender);
    if (second.native !== last.native) last = { native: `${last.native} ${second.native}`, latin: `${last.latin}${second.latin}` };
  }
  if (community.latinNameShare && random.chance(community.latinNameShare)) {
    return {
      first: { native: capitalize(given.latin), latin: given.latin },
      last: { native: capitalize(last.latin), latin: last.latin },
    };
  }
  return { first: given, last };
}

function pickEmail(random: DemoRandom, first: string, last: string, domains: readonly string[], used: Set<string>): string {
  const f = first.replace(/-/g, "");
  const l = last.replace(/[\s-]/g, "");
  const local = random.weighted<string>([
    [`${f}.${l}`, 40],
    [`${f}${l}${random.int(1, 99)}`, 20],
    [`${f[0]}.${l}`, 15],
    [`${f}_${l}`, 10],
    [`${l}.${f}`, 10],
    [`${f}${random.int(1970, 2004)}`, 5],
  ]);
  const domain = random.pick(domains);
  let email = `${local}@${domain}`;
  for (let n = 2; used.has(email); n += 1) email = `${local}${n}@${domain}`;
  used.add(email);
  return email;
}

function pickAddress(random: DemoRandom, community: Community): AddressParts {
  const place: City = random.pick(community.cities);
  const lines = community.street(random, random.pick(community.streets));
  return {
    ...lines,
    city: place.name,
    zip: random.pick(place.zips),
    province: place.province ?? null,
    provinceCode: place.provinceCode ?? null,
  };
}

function pickLocale(random: DemoRandom, community: Community): string {
  // Some buyers browse the shop in English whatever their country.
  if (!community.locale.startsWith("en") && random.chance(0.07)) return "en";
  return community.locale;
}

export function createPerson(random: DemoRandom, country: CountryProfile, usedEmails: Set<string>): Person {
  const community = random.weighted(country.people.communities.map((c) => [c, c.weight] as const));
  const { first, last } = pickName(random, community);
  const address = pickAddress(random, community);
  return {
    country,
    community,
    locale: pickLocale(random, community),
    firstName: first.native,
    lastName: last.native,
    email: pickEmail(random, first.latin, last.latin, country.people.emailDomains, usedEmails),
    phone: random.chance(0.65) ? country.people.phone(random, address.city) : null,
    address,
  };
}

/** Someone else in the same country, for orders shipped as a present. */
export function createRecipient(random: DemoRandom, buyer: Person): Pick<Person, "firstName" | "lastName" | "phone" | "address"> {
  const { first, last } = pickName(random, buyer.community);
  const address = pickAddress(random, buyer.community);
  return {
    firstName: first.native,
    lastName: last.native,
    phone: random.chance(0.5) ? buyer.country.people.phone(random, address.city) : null,
    address,
  };
}

function formattedLines(country: CountryProfile, a: AddressParts): { formatted: string[]; formattedArea: string } {
  const street = [a.address1, ...(a.address2 ? [a.address2] : [])];
  let locality: string[];
  if (country.code === "US" || country.code === "CA") locality = [`${a.city} ${a.provinceCode} ${a.zip}`];
  else if (country.code === "GB") locality = [a.city, a.zip];
  else if (a.provinceCode) locality = [`${a.zip} ${a.city} ${a.provinceCode}`];
  else locality = [`${a.zip} ${a.city}`];
  const area = [a.city, ...(a.province ? [a.province] : []), country.name].join(", ");
  return { formatted: [...street, ...locality, country.name], formattedArea: area };
}

export function mailingAddress(
  ids: IdAllocator,
  country: CountryProfile,
  who: { firstName: string; lastName: string; phone: Phone | null; address: AddressParts },
): MailingAddressRecord {
  const a = who.address;
  return {
    __typename: "MailingAddress",
    id: ids.take("MailingAddress").id,
    firstName: who.firstName,
    lastName: who.lastName,
    name: `${who.firstName} ${who.lastName}`,
    company: null,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.province,
    provinceCode: a.provinceCode,
    zip: a.zip,
    country: country.name,
    countryCodeV2: country.code,
    phone: who.phone ? who.phone.national : null,
    ...formattedLines(country, a),
  };
}
