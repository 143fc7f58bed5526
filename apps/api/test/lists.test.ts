import { describe } from "vitest";
import { describeCollection } from "./lists-contract";

describe("/api/lists", () => describeCollection("lists", "members", "memberCount"));
