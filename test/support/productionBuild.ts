/**
 * One deployment build (ADDIN_URL) shared by the tests that check it (test/production.test.ts and
 * test/e2e/production.e2e.test.ts): built into a temporary folder, never dist/, and only again when a source
 * changed since. A 2-core CI machine pays for one extra production build per run at most; two jest workers that
 * ask at once wait for one another (a lock directory) instead of building twice.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
/** The example deployment URL the tests build for. */
export const PRODUCTION_URL = "https://sales.example.com/addin/";
const INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "package.json", "tsconfig.json", "scripts"];
const LOCK_STALE_MS = 15 * 60 * 1000;

export interface ProductionBuild {
  /** The served folder (what `npm run build` writes to dist/). */
  dist: string;
  /** dist-meta/ beside it: source maps and bundle-modules.json. */
  meta: string;
  url: string;
}

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds (or reuses) the deployment build for PRODUCTION_URL. Synchronous: call it from beforeAll. */
export function productionBuild(): ProductionBuild {
  const dir = path.join(
    os.tmpdir(),
    `sales-addin-production-${createHash("sha1").update(ROOT).digest("hex").slice(0, 10)}`,
  );
  const build: ProductionBuild = {
    dist: path.join(dir, "dist"),
    meta: path.join(dir, "dist-meta"),
    url: PRODUCTION_URL,
  };
  const stampFile = path.join(dir, "stamp.json");
  const lock = path.join(dir, "lock");
  fs.mkdirSync(dir, { recursive: true });
  const fresh = (): boolean => {
    try {
      const stamp = JSON.parse(fs.readFileSync(stampFile, "utf8")) as { url: string; builtAt: number };
      const newestInput = Math.max(...INPUTS.map((f) => newestMtime(path.join(ROOT, f))));
      return (
        stamp.url === PRODUCTION_URL &&
        newestInput < stamp.builtAt &&
        fs.existsSync(path.join(build.dist, "manifest.xml"))
      );
    } catch {
      return false;
    }
  };
  for (;;) {
    if (fresh()) return build;
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another worker is building: wait for it, unless its lock is left over from a killed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      else sleep(1000);
    }
  }
  try {
    if (fresh()) return build;
    const startedAt = Date.now();
    fs.rmSync(stampFile, { force: true });
    execFileSync(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "production",
        "--output-path",
        build.dist,
        "--stats",
        "errors-warnings",
      ],
      { cwd: ROOT, env: { ...process.env, ADDIN_URL: PRODUCTION_URL }, stdio: ["ignore", "inherit", "inherit"] },
    );
    fs.writeFileSync(stampFile, JSON.stringify({ url: PRODUCTION_URL, builtAt: startedAt }));
    return build;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}
