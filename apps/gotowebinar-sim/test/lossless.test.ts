import { describe, expect, it } from "vitest";
import { num, parseLossless, stringify } from "../src/json/lossless";

describe("lossless JSON", () => {
  it("writes JsonNumber keys as bare numbers and everything else like JSON.stringify", () => {
    const text = stringify({
      registrantKey: num("9223372036854775807"),
      name: 'a "b"',
      skip: undefined,
      list: [1, null, true],
    });
    expect(text).toBe('{"registrantKey":9223372036854775807,"name":"a \\"b\\"","list":[1,null,true]}');
  });

  it("never unquotes a client string that imitates the number marker", () => {
    const sneaky = "\u0000deadbeefdeadbeef:123\u0000";
    expect(JSON.parse(stringify({ text: sneaky, n: num("1") }))).toEqual({ text: sneaky, n: 1 });
  });

  it("reads long integers as strings and leaves short numbers, floats and strings alone", () => {
    const parsed = parseLossless(
      '{"questionKey":1234567890123456789,"n":42,"f":1.5e3,"neg":-1234567890123456789,"s":"12345678901234567890"}',
    );
    expect(parsed).toEqual({
      questionKey: "1234567890123456789",
      n: 42,
      f: 1500,
      neg: "-1234567890123456789",
      s: "12345678901234567890",
    });
  });

  it("does not touch digits inside strings with escaped quotes", () => {
    expect(parseLossless('["a\\"1234567890123456789", 1234567890123456789]')).toEqual([
      'a"1234567890123456789',
      "1234567890123456789",
    ]);
  });
});
