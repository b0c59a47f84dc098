import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  defaultLanguageDetector,
  detectArticleLanguage,
  differentLanguage,
  fastTextLanguageDetector,
  primaryLanguage,
  stopwordLanguageDetector,
  type FastTextModelLike,
} from "../src/extract/language.js";

interface Sample {
  lang: string;
  kind: "paragraph" | "caption";
  text: string;
}
const { samples } = JSON.parse(readFileSync(new URL("./fixtures/language-samples.json", import.meta.url), "utf8")) as {
  samples: Sample[];
};

describe("stopword language detector", () => {
  it("labels the invented paragraphs and captions (en, es, fr, de) correctly", () => {
    const wrong = samples
      .map((s) => ({ ...s, got: defaultLanguageDetector.detect(s.text)?.language ?? null }))
      .filter((s) => s.got !== s.lang)
      .map((s) => `${s.lang} -> ${s.got}: ${s.text}`);
    expect(wrong).toEqual([]);
    expect(samples.filter((s) => s.kind === "caption").length).toBeGreaterThanOrEqual(20);
  });

  it("abstains on lines of names and one-word labels instead of guessing", () => {
    for (const text of ["President Luis Ortega Medina", "Foreign Minister Sergio Mendoza", "Read more", "Avatar", "2024"]) {
      expect(defaultLanguageDetector.detect(text), text).toBeNull();
    }
  });

  it("tells the lines of a bilingual caption apart", () => {
    const es = "FOTO/ARCHIVO - El ministro de Defensa de Varnland, Tobias Ekwueme, durante una reunión en Calder";
    const en = "FOTO/ARCHIVO - Varnland's defence minister Tobias Ekwueme during a meeting in Calder";
    expect(defaultLanguageDetector.detect(es)?.language).toBe("es");
    expect(defaultLanguageDetector.detect(en)?.language).toBe("en");
  });

  it("knows other writing systems by script", () => {
    expect(defaultLanguageDetector.detect("Министр обороны прибыл в столицу в понедельник")?.language).toBe("ru");
    expect(defaultLanguageDetector.detect("国防部长星期一抵达首都进行访问")?.language).toBe("zh");
    expect(defaultLanguageDetector.detect("Ο υπουργός άμυνας έφτασε στην πρωτεύουσα")?.language).toBe("el");
  });

  it("counts elided articles and prepositions, in short and long words, with either apostrophe", () => {
    // No stopword but the elisions: the guess rests on them alone.
    expect(defaultLanguageDetector.detect("Nell'ambito dell’accordo sull'immigrazione, all'inizio dell'anno")?.language).toBe("it");
    expect(defaultLanguageDetector.detect("L'économie, d’euros, l'hôpital, qu'aujourd'hui")?.language).toBe("fr");
    // An apostrophe after more than four letters is no elision: no hit at all.
    expect(stopwordLanguageDetector({ minHits: 1 }).detect("Rocker'sroll Hellooo'world")).toBeNull();
  });

  it("respects minHits", () => {
    const strict = stopwordLanguageDetector({ minHits: 6 });
    expect(strict.detect("La huelga de los estibadores")).toBeNull();
    expect(defaultLanguageDetector.detect("La huelga de los estibadores")?.language).toBe("es");
  });

  it("gives confidences between 0 and 1", () => {
    for (const s of samples) {
      const c = defaultLanguageDetector.detect(s.text)?.confidence ?? 0;
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });
});

describe("language tags", () => {
  it("compares primary subtags", () => {
    expect(primaryLanguage("en-GB")).toBe("en");
    expect(primaryLanguage("und-Cyrl")).toBe("und-cyrl");
    expect(differentLanguage("en", "en-US")).toBe(false);
    expect(differentLanguage("en", "es")).toBe(true);
    // A script-only guess is not another language than one written in that script.
    expect(differentLanguage("und-Cyrl", "ru")).toBe(false);
    expect(differentLanguage("uk", "und-Cyrl")).toBe(false);
    expect(differentLanguage("und-Cyrl", "en")).toBe(true);
  });

  it("detects an article's language on a bounded sample", () => {
    const text = "Die Hafenbehörde teilte am Dienstag mit, dass der Streik weitergeht. ".repeat(2000);
    expect(detectArticleLanguage(text)?.language).toBe("de");
  });
});

describe("fastText plug-in", () => {
  const fake = (label: string, p: number): FastTextModelLike => ({
    predict: () => ({ size: () => 1, get: () => [p, `__label__${label}`] }),
  });
  it("maps fastText labels to tags and abstains on low probability or short text", () => {
    expect(fastTextLanguageDetector(fake("fr", 0.93)).detect("Le ministre est arrivé lundi à Calder")).toEqual({
      language: "fr",
      confidence: 0.93,
    });
    expect(fastTextLanguageDetector(fake("fr", 0.3)).detect("Le ministre est arrivé lundi à Calder")).toBeNull();
    expect(fastTextLanguageDetector(fake("fr", 0.93)).detect("Calder")).toBeNull();
  });
});
