import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import { reasonText } from "./suggestions";

describe("suggestion reasons", () => {
  it("are phrased in the language shown from the server's code and parameters", () => {
    const fr = messagesFor("fr");
    const en = messagesFor("en");
    expect(reasonText({ code: "same-value-chain", valueChain: "huile d'olive" }, fr)).toBe("même filière : huile d'olive");
    expect(reasonText({ code: "same-value-chain", valueChain: "huile d'olive" }, en)).toBe("same value chain: huile d'olive");
    expect(reasonText({ code: "complementary-value-chain", valueChain: "huile d'olive", complements: "arachide" }, fr)).toBe(
      "filière complémentaire : huile d'olive (avec arachide)",
    );
    expect(reasonText({ code: "skill-matches-need", skill: "comptabilité", need: "comptabilité coopérative" }, fr)).toBe(
      "compétence « comptabilité » pour le besoin « comptabilité coopérative »",
    );
    expect(reasonText({ code: "diaspora-of-region", region: "kaolack" }, en)).toBe("diaspora from the Kaolack region");
    expect(reasonText({ code: "missing-region", region: "oriental" }, fr)).toBe("apporte un partenaire de la région Oriental");
    expect(reasonText({ code: "a-code-from-a-newer-server" }, fr)).toBe(fr.suggestions.otherReason);
  });
});
