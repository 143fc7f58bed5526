import { describe } from "vitest";
import { describeCollection } from "./lists-contract";

describe("/api/tags", () => describeCollection("tags", "prospects", "prospectCount"));
