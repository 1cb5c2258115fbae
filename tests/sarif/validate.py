#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Validate SARIF files against the vendored SARIF 2.1.0 JSON schema, then check
what GitHub code scanning additionally needs.

Usage: validate.py FILE.sarif...   (exit 0 valid, 1 invalid, 2 usage)

Uses the jsonschema module when it is installed (Debian: python3-jsonschema);
otherwise a small built-in validator for the draft-04 keywords the SARIF schema
uses (type, properties, additionalProperties, required, items, minItems,
uniqueItems, minimum, maximum, enum, pattern, anyOf, oneOf, $ref, format uri).
"""
import json
import os
import re
import sys

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-schema-2.1.0.json")

TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$")
URI_REF = re.compile(r"^[^\s]*$")


class MiniValidator:
    def __init__(self, root):
        self.root = root

    def resolve(self, ref):
        if not ref.startswith("#/"):
            raise ValueError("unsupported $ref " + ref)
        node = self.root
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def errors(self, v, s, path="$"):
        if "$ref" in s:
            yield from self.errors(v, self.resolve(s["$ref"]), path)
            return
        t = s.get("type")
        if t is not None:
            ts = t if isinstance(t, list) else [t]
            if not any(TYPES[x](v) for x in ts):
                yield "%s: want type %s, got %r" % (path, t, v)
                return
        if "enum" in s and v not in s["enum"]:
            yield "%s: %r not in %s" % (path, v, s["enum"])
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            if "minimum" in s and v < s["minimum"]:
                yield "%s: %r < minimum %r" % (path, v, s["minimum"])
            if "maximum" in s and v > s["maximum"]:
                yield "%s: %r > maximum %r" % (path, v, s["maximum"])
        if isinstance(v, str):
            if "pattern" in s and not re.search(s["pattern"], v):
                yield "%s: %r does not match %s" % (path, v, s["pattern"])
            fmt = s.get("format")
            if fmt == "uri" and not URI.match(v):
                yield "%s: %r is not an absolute URI" % (path, v)
            if fmt == "uri-reference" and not URI_REF.match(v):
                yield "%s: %r is not a URI reference" % (path, v)
        if isinstance(v, list):
            if "minItems" in s and len(v) < s["minItems"]:
                yield "%s: fewer than %d items" % (path, s["minItems"])
            if s.get("uniqueItems"):
                seen = [json.dumps(x, sort_keys=True) for x in v]
                if len(seen) != len(set(seen)):
                    yield "%s: items are not unique" % path
            if isinstance(s.get("items"), dict):
                for i, x in enumerate(v):
                    yield from self.errors(x, s["items"], "%s[%d]" % (path, i))
        if isinstance(v, dict):
            for r in s.get("required", []):
                if r not in v:
                    yield "%s: missing required property %r" % (path, r)
            props = s.get("properties", {})
            for k, x in v.items():
                if k in props:
                    yield from self.errors(x, props[k], "%s.%s" % (path, k))
                else:
                    ap = s.get("additionalProperties", True)
                    if ap is False:
                        yield "%s: unexpected property %r" % (path, k)
                    elif isinstance(ap, dict):
                        yield from self.errors(x, ap, "%s.%s" % (path, k))
        if "anyOf" in s:
            if not any(not list(self.errors(v, x, path)) for x in s["anyOf"]):
                yield "%s: matches none of anyOf" % path
        if "oneOf" in s:
            n = sum(1 for x in s["oneOf"] if not list(self.errors(v, x, path)))
            if n != 1:
                yield "%s: matches %d of oneOf, want 1" % (path, n)


def schema_errors(doc, schema):
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        return "built-in", list(MiniValidator(schema).errors(doc, schema))
    v = jsonschema.Draft4Validator(schema)
    return "jsonschema", ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message)
                          for e in v.iter_errors(doc)]


def github_errors(doc):
    """What code scanning needs beyond the schema (docs: SARIF support for code scanning)"""
    errs = []
    for run in doc.get("runs", []):
        driver = run["tool"]["driver"]
        rules = driver.get("rules", [])
        ids = [r["id"] for r in rules]
        if len(ids) != len(set(ids)):
            errs.append("duplicate rule ids")
        for r in rules:
            for k in ("name", "shortDescription", "fullDescription", "help",
                      "defaultConfiguration"):
                if k not in r:
                    errs.append("rule %s: no %s" % (r["id"], k))
        for i, res in enumerate(run.get("results", [])):
            where = "result %d" % i
            if "ruleId" not in res:
                errs.append(where + ": no ruleId")
            elif res["ruleId"] not in ids:
                errs.append(where + ": ruleId %s not in tool.driver.rules" % res["ruleId"])
            elif "ruleIndex" in res and ids[res["ruleIndex"]] != res["ruleId"]:
                errs.append(where + ": ruleIndex does not point at ruleId")
            if not res.get("partialFingerprints"):
                errs.append(where + ": no partialFingerprints")
            locs = res.get("locations") or []
            if not locs:
                errs.append(where + ": no location")
                continue
            pl = locs[0].get("physicalLocation", {})
            uri = pl.get("artifactLocation", {}).get("uri", "")
            if not uri:
                errs.append(where + ": no artifactLocation.uri")
            if "startLine" not in pl.get("region", {}):
                errs.append(where + ": no region.startLine")
    return errs


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(SCHEMA) as f:
        schema = json.load(f)
    bad = 0
    for path in argv[1:]:
        try:
            with open(path) as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print("%s: not JSON: %s" % (path, e))
            bad += 1
            continue
        how, errs = schema_errors(doc, schema)
        errs += github_errors(doc)
        for e in errs[:20]:
            print("%s: %s" % (path, e))
        if errs:
            bad += 1
        else:
            print("%s: valid SARIF 2.1.0 (%s validator)" % (path, how))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
