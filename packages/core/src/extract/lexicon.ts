/**
 * Claim vocabulary: synonyms folded to one concept for comparing claims, and the verbs that tell which
 * slot of an event a date or number fills. General English news usage, written by hand: no offline npm
 * thesaurus is small enough to ship in a browser worker.
 */

/** Groups of words that say the same thing in news copy; the first word names the concept. */
const SYNONYM_GROUPS: string[][] = [
  ["weapon", "arm", "arms", "munition", "ammunition", "aid", "weaponry"],
  ["supply", "provide", "sell", "deliver", "send", "give", "export", "ship", "transfer", "furnish"],
  ["meet", "meeting", "talk", "talks", "discuss", "discussion", "negotiate", "negotiation", "confer"],
  ["visit", "trip", "tour", "travel", "journey", "voyage"],
  ["speech", "address", "speak", "remark", "remarks", "lecture"],
  ["deny", "reject", "dismiss", "rebuff", "refute"],
  ["refuse", "decline", "avoid", "shun"],
  ["say", "state", "announce", "tell", "report", "add", "comment", "note", "declare", "claim"],
  ["kill", "dead", "death", "die", "fatality", "killed"],
  ["injure", "wound", "hurt", "injury", "injured", "wounded"],
  ["strike", "walkout", "stoppage"],
  ["begin", "start", "launch", "commence", "open", "kick"],
  ["end", "finish", "conclude", "close", "wrap"],
  ["country", "nation", "state"],
  ["invite", "invitation"],
  ["appoint", "appointment", "nominate", "nomination", "elect", "installed"],
  ["cooperation", "collaboration", "partnership", "cooperate"],
  ["relationship", "relation", "tie", "ties", "bond"],
  ["attend", "participate", "join", "participation", "attendance"],
  ["conference", "forum", "summit", "symposium", "congress", "convention"],
  ["praise", "hail", "laud", "commend", "welcome"],
  ["sanction", "sanctions", "penalty", "embargo"],
  ["counterpart", "peer", "equivalent"],
  ["military", "defense", "army", "armed"],
  ["leader", "head", "chief"],
  ["ally", "partner", "friend"],
  ["condemn", "criticize", "criticise", "denounce", "censure"],
  ["war", "conflict", "invasion", "fighting", "campaign"],
  ["exercise", "drill", "maneuver", "manoeuvre"],
  ["ship", "vessel", "boat"],
  ["worker", "employee", "staff", "labourer", "laborer"],
  ["close", "shut", "suspend", "halt"],
  ["support", "back", "backing", "help", "assistance"],
  ["increase", "rise", "grow", "growth", "climb", "surge"],
  ["decrease", "fall", "drop", "decline", "cut", "reduce"],
];

/** Word (lower case) → concept. */
export const CONCEPT = new Map<string, string>();
for (const group of SYNONYM_GROUPS) for (const w of group) if (!CONCEPT.has(w)) CONCEPT.set(w, group[0]!);

/** The concept a lemma stands for (itself when it has no synonyms). */
export function concept(lemma: string): string {
  const w = lemma.toLowerCase();
  return CONCEPT.get(w) ?? w;
}

/** Verbs whose date is when an event starts. */
export const START_VERBS = new Set(["visit", "start", "begin", "depart", "leave", "arrive", "open", "launch", "embark", "travel", "fly", "head", "kick", "commence", "go"]);
/** Verbs whose date is when an event ends. */
export const END_VERBS = new Set(["end", "finish", "conclude", "close", "wrap"]);
/** Verbs and nouns of taking office: a person-scoped slot that does not depend on the event. */
export const APPOINT_WORDS = new Set(["appoint", "appointed", "appointment", "named", "nominate", "nominated", "elect", "elected", "sworn", "promoted", "installed"]);
/**
 * A quick test of whether a word (`text[start, end)`, by default the whole text) may be one of `words`
 * (lower-case ASCII) once lower-cased, read from its length and first letter without copying or
 * lower-casing it: a word that fails it is surely not in the set. (Only ASCII capitals and the Kelvin sign
 * lower-case into ASCII letters, one for one; a non-ASCII first character passes.)
 */
export function mayBeOneOf(words: Iterable<string>): (text: string, start?: number, end?: number) => boolean {
  const list = [...words];
  const firsts = new Set(list.map((w) => w.charCodeAt(0)));
  const min = Math.min(...list.map((w) => w.length));
  const max = Math.max(...list.map((w) => w.length));
  // Setting the 0x20 bit lower-cases an ASCII capital; no other ASCII character maps onto a letter by it.
  return (text, start = 0, end = text.length) => {
    if (end - start < min || end - start > max) return false;
    const c = text.charCodeAt(start);
    return c >= 128 || firsts.has(c | 0x20);
  };
}

/** Nouns of events that a duration ("a six-day trip") describes. */
export const EVENT_NOUNS = new Set(["trip", "visit", "tour", "strike", "stay", "mission", "journey", "voyage", "conference", "summit", "forum", "festival", "exercise", "exercises", "drill", "drills", "war", "campaign", "shutdown", "closure", "suspension", "ban", "walkout", "stoppage", "operation", "talks", "meeting", "event", "period", "truce", "ceasefire", "blockade", "protest", "protests", "siege", "session", "fire", "blaze", "explosion", "blast", "crash", "collision", "accident", "attack", "raid", "shooting", "flood", "flooding", "earthquake", "storm", "election", "vote", "referendum", "trial", "hearing", "summit", "rally", "march", "outage", "evacuation", "rescue", "spill", "leak"]);
/** Words that say what befell the people a toll counts (folded through the synonym table). */
export const TOLL_WORDS = new Set(["injure", "injured", "wound", "wounded", "hurt", "kill", "killed", "die", "dead", "arrest", "arrested", "detain", "detained", "missing", "displace", "displaced", "evacuate", "evacuated", "rescue", "rescued", "hospitalise", "hospitalize", "hospitalised", "hospitalized"]);

/** Words that mark speech and its source. */
export const SPEECH_VERBS = "said|says|say|told|tells|added|adds|reported|reports|commented|noted|notes|stated|states|announced|announces|wrote|writes|confirmed|confirms|explained|argued|warned|insisted|claimed|claims|quoted|cited|according";

/** Lower-case words that carry no content for comparing claims. */
export const STOP = new Set([
  "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
  "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "to", "of", "with", "as", "and", "or", "but",
  "if", "while", "when", "after", "before", "since", "until", "during", "be", "is", "are", "was", "were", "been",
  "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
  "might", "must", "also", "not", "no", "never", "there", "here", "which", "who", "whom", "whose", "what", "where",
  "why", "how", "all", "both", "each", "other", "such", "than", "then", "so", "very", "more", "most", "some", "any",
  "into", "over", "about", "between", "through", "up", "down", "out", "off", "again", "further", "once", "only",
  "own", "same", "too", "just", "now", "said", "says", "say", "according", "however", "set", "part", "well", "s",
  "'s", "’s", "two", "one", "even", "still", "yet", "already", "per", "via", "amid", "against", "among", "within",
  "without", "upon", "because", "although", "though", "whether", "either", "neither", "nor", "like", "including",
]);
