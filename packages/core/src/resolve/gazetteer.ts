/**
 * Countries and their demonyms, so that "Chinese", "China's" and "China" name one owner, and
 * "Russian Ministry of Defence" keeps its owner. General knowledge, written by hand because no small,
 * offline npm package maps demonyms to countries; cities and regions are learnt from each text's context.
 */
const DATA =
  "Afghanistan|Afghan;Albania|Albanian;Algeria|Algerian;Angola|Angolan;Argentina|Argentine,Argentinian;" +
  "Armenia|Armenian;Australia|Australian;Austria|Austrian;Azerbaijan|Azerbaijani,Azeri;Bahrain|Bahraini;" +
  "Bangladesh|Bangladeshi;Belarus|Belarusian,Belarussian;Belgium|Belgian;Bolivia|Bolivian;Bosnia|Bosnian;" +
  "Brazil|Brazilian;Britain|British;United Kingdom|British;UK|British;Bulgaria|Bulgarian;Cambodia|Cambodian;" +
  "Cameroon|Cameroonian;Canada|Canadian;Chile|Chilean;China|Chinese;Colombia|Colombian;Congo|Congolese;" +
  "Croatia|Croatian;Cuba|Cuban;Cyprus|Cypriot;Czechia|Czech;Czech Republic|Czech;Denmark|Danish;" +
  "Ecuador|Ecuadorian;Egypt|Egyptian;Estonia|Estonian;Ethiopia|Ethiopian;Finland|Finnish;France|French;" +
  "Georgia|Georgian;Germany|German;Ghana|Ghanaian;Greece|Greek;Hungary|Hungarian;Iceland|Icelandic;" +
  "India|Indian;Indonesia|Indonesian;Iran|Iranian;Iraq|Iraqi;Ireland|Irish;Israel|Israeli;Italy|Italian;" +
  "Japan|Japanese;Jordan|Jordanian;Kazakhstan|Kazakh;Kenya|Kenyan;Kosovo|Kosovar;Kuwait|Kuwaiti;" +
  "Kyrgyzstan|Kyrgyz;Laos|Lao,Laotian;Latvia|Latvian;Lebanon|Lebanese;Libya|Libyan;Lithuania|Lithuanian;" +
  "Luxembourg|Luxembourgish;Malaysia|Malaysian;Mali|Malian;Malta|Maltese;Mexico|Mexican;Moldova|Moldovan;" +
  "Mongolia|Mongolian;Montenegro|Montenegrin;Morocco|Moroccan;Mozambique|Mozambican;Myanmar|Burmese;" +
  "Nepal|Nepali,Nepalese;Netherlands|Dutch;New Zealand|New Zealander;Nicaragua|Nicaraguan;Niger|Nigerien;" +
  "Nigeria|Nigerian;North Korea|North Korean;Norway|Norwegian;Oman|Omani;Pakistan|Pakistani;" +
  "Palestine|Palestinian;Panama|Panamanian;Paraguay|Paraguayan;Peru|Peruvian;Philippines|Filipino,Philippine;" +
  "Poland|Polish;Portugal|Portuguese;Qatar|Qatari;Romania|Romanian;Russia|Russian;Rwanda|Rwandan;" +
  "Saudi Arabia|Saudi;Senegal|Senegalese;Serbia|Serbian;Singapore|Singaporean;Slovakia|Slovak;" +
  "Slovenia|Slovenian;Somalia|Somali;South Africa|South African;South Korea|South Korean;Spain|Spanish;" +
  "Sri Lanka|Sri Lankan;Sudan|Sudanese;Sweden|Swedish;Switzerland|Swiss;Syria|Syrian;Taiwan|Taiwanese;" +
  "Tajikistan|Tajik;Tanzania|Tanzanian;Thailand|Thai;Tunisia|Tunisian;Turkey|Turkish;Turkmenistan|Turkmen;" +
  "Uganda|Ugandan;Ukraine|Ukrainian;United Arab Emirates|Emirati;United States|American;US|American;" +
  "U.S.|American;USA|American;Uruguay|Uruguayan;Uzbekistan|Uzbek;Venezuela|Venezuelan;Vietnam|Vietnamese;" +
  "Yemen|Yemeni;Zambia|Zambian;Zimbabwe|Zimbabwean;Europe|European;Africa|African;Asia|Asian;" +
  "European Union|EU;Scotland|Scottish;Wales|Welsh;England|English";

/** Lower-case country name → canonical country name. */
export const COUNTRIES = new Map<string, string>();
/** Lower-case demonym → canonical country name ("chinese" → "China"). */
export const DEMONYMS = new Map<string, string>();

for (const entry of DATA.split(";")) {
  const [country, demonyms] = entry.split("|") as [string, string];
  const canonical = country === "UK" || country === "Britain" ? "United Kingdom" : country === "US" || country === "U.S." || country === "USA" ? "United States" : country;
  COUNTRIES.set(country.toLowerCase(), canonical);
  for (const d of demonyms.split(",")) if (!DEMONYMS.has(d.toLowerCase())) DEMONYMS.set(d.toLowerCase(), canonical);
}
DEMONYMS.set("british", "United Kingdom");
DEMONYMS.set("american", "United States");

/** The country a word names or describes ("China", "Chinese", "China's" → "China"), or null. */
export function countryOf(word: string): string | null {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  return COUNTRIES.get(w) ?? DEMONYMS.get(w) ?? null;
}

/** Capitals and large cities that news names without context. Lower case. */
export const CITIES = new Set(
  (
    "Beijing,Moscow,Washington,London,Paris,Berlin,Tokyo,Seoul,Pyongyang,Kyiv,Kiev,Minsk,Warsaw,Prague,Vienna,Budapest," +
    "Rome,Madrid,Lisbon,Brussels,Amsterdam,The Hague,Copenhagen,Stockholm,Oslo,Helsinki,Tallinn,Riga,Vilnius,Athens," +
    "Ankara,Istanbul,Tehran,Baghdad,Damascus,Beirut,Jerusalem,Tel Aviv,Gaza,Cairo,Riyadh,Doha,Dubai,Abu Dhabi,Kabul," +
    "Islamabad,New Delhi,Delhi,Mumbai,Dhaka,Bangkok,Hanoi,Jakarta,Manila,Kuala Lumpur,Singapore,Taipei,Hong Kong," +
    "Shanghai,Canberra,Sydney,Wellington,Ottawa,Toronto,Mexico City,Havana,Caracas,Bogota,Lima,Santiago,Buenos Aires," +
    "Brasilia,Sao Paulo,Rio de Janeiro,Nairobi,Addis Ababa,Lagos,Abuja,Johannesburg,Pretoria,Cape Town,Kinshasa,Khartoum," +
    "Algiers,Tunis,Rabat,Tripoli,New York,Los Angeles,Chicago,Brussels,Geneva,Zurich,Davos,Munich,Frankfurt,Milan,Barcelona," +
    "Belgrade,Bucharest,Sofia,Zagreb,Sarajevo,Tbilisi,Yerevan,Baku,Astana,Tashkent,Samarkand,Bishkek,Ulaanbaatar,Vladivostok," +
    "St Petersburg,Saint Petersburg,Kharkiv,Odesa,Odessa,Lviv,Donetsk,Luhansk,Crimea,Sevastopol,Mariupol,Kherson,Zaporizhzhia"
  )
    .toLowerCase()
    .split(","),
);
