// Compare what log4brains made of each decision record with the record's own front matter.
//   node log4brains_compare.cjs SITE_DIR PROJECT_DIR
"use strict";
const fs = require("fs");
const path = require("path");

const [site, project] = process.argv.slice(2);
const [build] = fs.readdirSync(path.join(site, "_next", "data"));
const pages = path.join(site, "_next", "data", build, "adr");

function frontMatter(file) {
  const text = fs.readFileSync(file, "utf8");
  const header = text.split("---\n")[1] || "";
  const fields = {};
  for (const line of header.split("\n")) {
    const match = /^([a-z-]+): (.*)$/.exec(line);
    if (match) fields[match[1]] = match[2].startsWith("[") || match[2].startsWith('"') ? JSON.parse(match[2]) : match[2];
  }
  return fields;
}

let failed = 0;
let records = 0;
let dated = 0;
function problem(text) {
  console.error(`adr: ${text}`);
  failed = 1;
}
for (const pkg of fs.readdirSync(path.join(project, "packages"))) {
  const folder = path.join(project, "packages", pkg, "adr");
  for (const file of fs.readdirSync(folder).filter((name) => /^\d{4}-.*\.md$/.test(name))) {
    records += 1;
    const slug = file.replace(/\.md$/, "");
    const page = path.join(pages, pkg, `${slug}.json`);
    if (!fs.existsSync(page)) {
      problem(`${pkg}/${file}: log4brains made no page of it`);
      continue;
    }
    const adr = JSON.parse(fs.readFileSync(page, "utf8")).pageProps.currentAdr;
    const front = frontMatter(path.join(folder, file));
    const title = fs.readFileSync(path.join(folder, file), "utf8").match(/^# (.*)$/m)[1];
    if (adr.title !== title) problem(`${pkg}/${file}: title ${JSON.stringify(adr.title)}, expected ${JSON.stringify(title)}`);
    if (adr.status !== front.status) problem(`${pkg}/${file}: status ${adr.status}, expected ${front.status}`);
    const makers = front["decision-makers"] || [];
    if (JSON.stringify(adr.deciders) !== JSON.stringify(makers)) {
      problem(`${pkg}/${file}: deciders ${JSON.stringify(adr.deciders)}, expected ${JSON.stringify(makers)}`);
    }
    const date = adr.publicationDate ? adr.publicationDate.slice(0, 10) : undefined;
    if (date !== front.date) problem(`${pkg}/${file}: date ${date}, expected ${front.date}`);
    if (front.date) dated += 1;
  }
}
if (dated === 0) problem("no record carries a date");
console.log(`adr: log4brains read ${records} records (${dated} dated) as their front matter says`);
process.exit(failed);
