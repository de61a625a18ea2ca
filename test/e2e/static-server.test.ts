/**
 * The static server behind `npm run preview` and the browser tests: serves dist/-style files with their
 * types, answers 404 for missing files, never serves outside its root, and moves on when a port is taken.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of this repo, typed by the cast
const { startStaticServer } = require("../../scripts/preview.js") as {
  startStaticServer(root: string, port: number): Promise<{ server: http.Server; port: number; url: string }>;
};

function get(url: string): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body }));
      })
      .on("error", reject);
  });
}

/** Sends the path as written (http.get would normalise "../"). */
function rawGet(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the preview's static server", () => {
  let root: string;
  const servers: http.Server[] = [];

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "preview-"));
    fs.writeFileSync(path.join(root, "preview.html"), "<p>preview</p>");
    fs.writeFileSync(path.join(root, "app.js"), "console.log(1)");
    fs.writeFileSync(path.join(os.tmpdir(), "outside-preview-root.txt"), "secret");
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    fs.rmSync(root, { recursive: true, force: true });
  });

  test("serves files with their content type; / is preview.html; missing files are 404", async () => {
    const { server, url } = await startStaticServer(root, 0);
    servers.push(server);
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    const port = (server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${port}`;
    expect(await get(`${base}/preview.html`)).toMatchObject({
      status: 200,
      type: "text/html; charset=utf-8",
      body: "<p>preview</p>",
    });
    expect(await get(`${base}/`)).toMatchObject({ status: 200, body: "<p>preview</p>" });
    expect(await get(`${base}/app.js?v=1`)).toMatchObject({ status: 200, type: "text/javascript; charset=utf-8" });
    expect((await get(`${base}/nope.js`)).status).toBe(404);
  });

  test("never serves a file outside its root", async () => {
    const { server } = await startStaticServer(root, 0);
    servers.push(server);
    const port = (server.address() as { port: number }).port;
    expect(await rawGet(port, "/../outside-preview-root.txt")).not.toBe(200);
    expect(await rawGet(port, "/%2e%2e/outside-preview-root.txt")).not.toBe(200);
    // An encoded slash survives URL normalisation and only the root check stops it.
    expect(await rawGet(port, "/..%2Foutside-preview-root.txt")).toBe(403);
  });

  test("takes the next port when the first is in use", async () => {
    const first = await startStaticServer(root, 0);
    servers.push(first.server);
    const second = await startStaticServer(root, first.port);
    servers.push(second.server);
    expect(second.port).toBe(first.port + 1);
  });
});
