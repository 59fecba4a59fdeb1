// The query page: send the textarea to /sparql, draw the answer (a table, a yes/no, or text).
const queryBox = document.getElementById("query");
const statusLine = document.getElementById("status");
const resultsBox = document.getElementById("results");

function element(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function cell(term) {
  const td = element("td");
  if (!term) return td;
  if (term.type === "uri" && term.value.startsWith(ID_PREFIX)) {
    const link = element("a", term.value.slice(ID_PREFIX.length));
    link.href = "/entity/" + encodeURI(term.value.slice(ID_PREFIX.length));
    link.title = term.value;
    td.append(link);
  } else {
    td.append(term.type === "bnode" ? "_:" + term.value : term.value);
    if (term["xml:lang"]) {
      const lang = element("span", "@" + term["xml:lang"]);
      lang.className = "lang";
      td.append(lang);
    }
  }
  return td;
}

function table(answer) {
  const variables = answer.head.vars;
  const grid = element("table");
  const head = grid.createTHead().insertRow();
  for (const name of variables) head.append(element("th", "?" + name));
  const body = grid.createTBody();
  for (const binding of answer.results.bindings) {
    const row = body.insertRow();
    for (const name of variables) row.append(cell(binding[name]));
  }
  return grid;
}

async function run() {
  statusLine.className = "";
  statusLine.textContent = "运行中 running…";
  resultsBox.replaceChildren();
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: new URLSearchParams({query: queryBox.value}),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const text = await response.text();
    if (!response.ok) {
      statusLine.className = "error";
      statusLine.textContent = response.status + " " + response.statusText + ": " + text;
      return;
    }
    const cut = response.headers.get("X-Truncated");
    const note = cut ? " · 已截断 truncated (" + cut + ")" : "";
    if (response.headers.get("Content-Type").startsWith("application/sparql-results+json")) {
      const answer = JSON.parse(text);
      if ("boolean" in answer) {
        statusLine.textContent = seconds + " s";
        resultsBox.append(element("pre", answer.boolean ? "true · 是" : "false · 否"));
      } else {
        statusLine.textContent = answer.results.bindings.length + " 行 rows · " + seconds + " s" + note;
        resultsBox.append(table(answer));
      }
    } else {
      statusLine.textContent = seconds + " s" + note;
      resultsBox.append(element("pre", text));
    }
  } catch (error) {
    statusLine.className = "error";
    statusLine.textContent = String(error);
  }
}

document.getElementById("run").addEventListener("click", run);
queryBox.addEventListener("keydown", event => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
});
for (const button of document.querySelectorAll("#examples button")) {
  button.addEventListener("click", () => {
    queryBox.value = EXAMPLES[button.dataset.name];
    run();
  });
}
