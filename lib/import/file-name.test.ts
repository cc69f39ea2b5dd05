import { describe, expect, it } from "vitest";
import { dateFromFileName, producerFromFileName } from "./file-name";

describe("file names", () => {
  it("read the date and the producer of an IPE file name", () => {
    const name = "LIAIN_01_SIEA_PM_IPEZMD_V20_20220914_00_PBOOK.csv";
    expect(dateFromFileName(name)?.toISOString()).toBe("2022-09-14T00:00:00.000Z");
    expect(producerFromFileName(name)).toBe("LIAIN");
  });

  it("ignore impossible dates and names without a producer", () => {
    expect(dateFromFileName("export_20221399.csv")).toBeNull();
    expect(dateFromFileName("adresses-01.csv")).toBeNull();
    expect(producerFromFileName("adresses-01.csv")).toBeNull();
  });
});
