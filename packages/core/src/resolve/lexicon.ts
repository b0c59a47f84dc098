/**
 * Word lists the entity and claim stages use. They are general English news vocabulary, not tied to any
 * story. Written by hand: the tagging library (wink-nlp's light model) has no entity types, so titles,
 * organisation keywords and context words classify the proper-noun runs it finds.
 */

/** Words that, inside a capitalised run, make it a job title ("Defense Minister", "Foreign Secretary"). */
export const TITLE_HEADS = new Set([
  "minister", "president", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief", "chairman",
  "chairwoman", "chair", "director", "governor", "mayor", "senator", "ambassador", "commander", "general",
  "admiral", "colonel", "captain", "leader", "premier", "chancellor", "king", "queen", "prince", "princess",
  "pope", "envoy", "head", "ceo", "founder", "judge", "prosecutor", "officer", "official", "representative",
  "deputy", "vice", "prime", "foreign", "defense", "defence", "interior", "finance", "justice", "state",
  "economy", "trade", "transport", "health", "education", "sheriff", "inspector", "superintendent",
  "coach", "manager", "editor", "reporter", "correspondent", "analyst", "professor", "dr", "mr", "mrs", "ms",
  "sir", "lord", "lady", "commissioner", "councillor", "councilor", "executive", "president-elect",
]);

/** Head words of titles (the word a bare title like "the port chief" ends with). */
export const TITLE_NOUNS = new Set([
  "minister", "president", "secretary", "spokesperson", "spokesman", "spokeswoman", "chief", "chairman",
  "chairwoman", "director", "governor", "mayor", "senator", "ambassador", "commander", "general", "leader",
  "premier", "chancellor", "envoy", "head", "ceo", "judge", "prosecutor", "commissioner", "diplomat",
  "counterpart", "official", "representative",
]);

/** Honorifics dropped from the start of person names. */
export const HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "sir", "lady", "lord", "prof", "gen", "col", "capt", "lt", "sen", "rep", "gov"]);

/** Keywords that make a name an organisation. */
export const ORG_WORDS = new Set([
  "ministry", "department", "institute", "institution", "organization", "organisation", "union", "company",
  "council", "agency", "party", "bank", "fleet", "army", "navy", "forces", "force", "corp", "corporation",
  "inc", "ltd", "llc", "plc", "university", "college", "committee", "commission", "office", "authority",
  "association", "federation", "group", "news", "times", "post", "television", "broadcaster", "radio",
  "press", "court", "parliament", "assembly", "congress", "senate", "government", "administration",
  "police", "guard", "service", "services", "foundation", "fund", "society", "club", "alliance", "coalition",
  "board", "bureau", "cabinet", "kremlin", "pentagon", "federal", "industries", "airlines", "airways",
  "railways", "systems", "holdings", "partners", "network", "channel", "gazette", "herald", "tribune",
  "journal", "daily", "wire", "reuters", "centre", "center", "school", "hospital", "church", "league",
  "team", "brigade", "regiment", "battalion", "division", "unit", "exchange", "market", "museum", "academy",
  // Company names: "Selvane Lines", "Keel Logistics".
  "lines", "logistics", "shipping", "motors", "energy", "petroleum", "pharmaceuticals", "laboratories", "labs",
  "technologies", "media", "studios", "capital", "securities", "insurance", "communications", "electric",
  "steel", "mining", "resources", "ventures", "enterprises", "trust",
  // Publication names: "Tidewater Review", "Evening Standard".
  "review", "ledger", "chronicle", "observer", "telegraph", "courier", "standard", "mail", "express",
  "gazette", "examiner", "sentinel", "monitor", "dispatch", "bulletin", "magazine", "weekly", "independent",
  "guardian", "times", "register", "record", "star", "sun", "mirror", "inquirer", "globe",
]);

/** Keywords that make a name a named event. */
export const EVENT_WORDS = new Set([
  "conference", "summit", "forum", "dialogue", "games", "olympics", "festival", "championship", "championships",
  "cup", "talks", "meeting", "congress", "convention", "expo", "exhibition", "war", "election", "elections",
  "treaty", "accord", "agreement", "strike", "protest", "march", "marathon", "week", "day", "seminar",
  "symposium", "session", "assembly", "tournament", "fair", "crisis", "operation",
]);

/** Keywords that make a name a place. */
export const PLACE_WORDS = new Set([
  "island", "islands", "city", "county", "province", "region", "state", "republic", "kingdom", "sea", "ocean",
  "river", "lake", "mountain", "mountains", "valley", "bay", "gulf", "strait", "peninsula", "district",
  "street", "square", "avenue", "road", "port", "harbour", "harbor", "airport", "coast", "border", "territory",
  "oblast", "prefecture", "canton", "village", "town", "east", "west", "america", "asia", "africa",
]);

/** Lower-case function words and common sentence openers that are never a name on their own. */
export const FUNCTION_WORDS = new Set([
  "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
  "her", "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "to", "of", "with", "as", "and",
  "or", "but", "if", "while", "when", "after", "before", "since", "until", "during", "although", "though",
  "however", "meanwhile", "also", "still", "yet", "so", "then", "there", "here", "both", "all", "some", "many",
  "most", "more", "less", "any", "each", "every", "other", "another", "such", "no", "not", "according",
  "despite", "because", "indeed", "overall", "separately", "moreover", "furthermore", "instead", "thus",
  "shortly", "later", "earlier", "today", "yesterday", "tomorrow", "last", "next", "first", "one", "two",
  "several", "about", "over", "under", "into", "through", "between", "among", "against", "without", "within",
  "what", "which", "who", "whom", "whose", "where", "why", "how", "having", "being", "is", "are", "was", "were",
  "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might", "should", "must", "do",
  "does", "did", "says", "said", "say", "read", "more", "share", "show", "photo", "video", "updated", "min",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
  "april", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
  "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "established", "in fact", "even",
  "like", "unlike", "once", "now", "just", "only", "well", "again", "very", "perhaps", "whether", "either",
  "neither", "nor", "amid", "march", "western", "eastern", "northern", "southern", "ahead", "following", "regarding", "concerning", "per", "via", "including",
]);

/** Lower-case words allowed inside a name when capitalised words stand on both sides ("Institute for the Study of War"). */
export const NAME_CONNECTORS = new Set(["of", "for", "the", "on", "and", "de", "del", "la", "le", "van", "von", "der", "da", "di", "du", "al", "bin", "y", "in", "&"]);

/** British spellings and their American forms, applied to name keys so "Defence" = "Defense". */
export const SPELLING_VARIANTS: Record<string, string> = {
  defence: "defense", offence: "offense", licence: "license", organisation: "organization",
  organisations: "organizations", centre: "center", theatre: "theater", programme: "program",
  labour: "labor", harbour: "harbor", honour: "honor", colour: "color", favour: "favor", neighbour: "neighbor",
  behaviour: "behavior", armour: "armor", catalogue: "catalog", travelling: "traveling", jewellery: "jewelry",
  counsellor: "counselor", councillor: "councilor", metre: "meter", fibre: "fiber", analyse: "analyze",
  realise: "realize", recognise: "recognize", multipolarisation: "multipolarization",
  democratisation: "democratization", militarisation: "militarization", modernisation: "modernization",
  privatisation: "privatization",
};

/** Head words of news media names ("Calder Wire", "The Meridian Post", "Channel 4 News"). */
const MEDIA_HEADS = new Set([
  "news", "times", "post", "wire", "agency", "press", "gazette", "herald", "tribune", "journal", "daily", "review",
  "ledger", "chronicle", "observer", "telegraph", "courier", "standard", "mail", "express", "examiner", "sentinel",
  "monitor", "dispatch", "bulletin", "magazine", "weekly", "independent", "guardian", "register", "inquirer",
  "globe", "television", "broadcaster", "radio", "channel", "network", "tv",
]);
/** International news agencies, which datelines and attributions name in every story they carry. */
const AGENCIES = /^(?:reuters|ap|afp|agence france-presse|associated press|bloomberg|tass|xinhua|dpa|efe|ansa|kyodo|yonhap|upi|interfax|anadolu|ria novosti|sputnik|pti|ani|bernama|antara|aap)$/i;

/**
 * Whether a name is a news outlet or agency: it carries the story rather than taking part in it, so it never
 * makes two articles one story.
 */
export function isMediaName(name: string): boolean {
  if (AGENCIES.test(name.trim())) return true;
  const words = name.toLowerCase().split(/\s+/);
  return MEDIA_HEADS.has(words[words.length - 1]!);
}
