"""The Python API over the built store: names, relations with evidence, SPARQL, networkx."""

import csv
import io
import json

import networkx as nx
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from kg import EntityNotFound, KnowledgeGraph
from kg.analysis import central_actors, cooperation_communities, ego_network, shortest_connection
from kg.api import WrongKind
from kg.cli import RELATION_COLUMNS, app
from kg.namespace import KG
from kg.questions import shipped_queries

UNODC = "https://w3id.org/unodc-kg/id/org/unodc"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph")
    KnowledgeGraph.build(out=path)
    return path


@pytest.fixture(scope="module")
def graph(out):
    return KnowledgeGraph.open(out)


@pytest.mark.parametrize(
    "name",
    ["联合国毒品和犯罪问题办公室", "毒品和犯罪问题办公室", "UNODC", "unodc", "org/unodc", UNODC],
)
def test_entity_by_any_name(graph, name):
    assert graph.entity(name).iri == UNODC


def test_entity_by_iso_code_and_english_name(graph):
    assert graph.entity("AFG").label_zh == "阿富汗"
    assert graph.entity("International Criminal Police Organization").label_zh == "国际刑事警察组织"
    assert graph.entity("刑警组织").type == "Organization"


def test_unknown_name_suggests_close_matches(graph):
    with pytest.raises(EntityNotFound, match="刑警组织"):
        graph.entity("刑警组")


def test_relations_carry_their_evidence(graph):
    found = graph.partners(of="毒品和犯罪问题办公室")
    who = [r for r in found if r.object_label == "世界卫生组织"]
    assert who and who[0].paragraph == 19
    assert "世界卫生组织" in who[0].sentence and who[0].rule.startswith("partner:")
    assert 0 < who[0].confidence <= 1
    assert who[0].document in ("E/CN.7/2009/3", "E/CN.15/2009/3")


def test_who_works_on_includes_narrower_threats(graph):
    workers = {r.subject_label for r in graph.who_works_on("drug trafficking")}
    assert "近东和中东非法贩运毒品及有关事项小组委员会第四十三届会议" in workers


def test_meetings_programmes_routes(graph):
    assert {r.subject_label for r in graph.meetings(in_="维也纳")} >= {"“2008年之后”全球论坛"}
    assert "集装箱管制方案" in {r.object_label for r in graph.programmes(of="世界海关组织")}
    routes = graph.routes()
    assert any("西非" in route.transit for route in routes)
    on_route = graph.partners_on_route("西非")
    assert {r.subject_label for r in on_route} >= {"联合国毒品和犯罪问题办公室"}
    assert all(r.predicate == "participatesIn" and r.sentence for r in on_route)


def test_sparql_rows(graph):
    result = graph.sparql(
        "SELECT ?iso WHERE { ?c a kg:Country ; kg:iso3 ?iso } ORDER BY ?iso LIMIT 3"
    )
    assert result.variables == ("iso",) and len(result) == 3
    assert graph.sparql(
        f"ASK {{ <{UNODC}> kg:partnerOf <https://w3id.org/unodc-kg/id/org/who> }}"
    ).boolean


def test_networkx_projection_and_analysis(graph):
    network = graph.to_networkx()
    assert isinstance(network, nx.MultiDiGraph)
    assert network.nodes[UNODC]["type"] == "Organization"
    edge = network.get_edge_data(UNODC, "https://w3id.org/unodc-kg/id/org/who")
    assert "partnerOf" in edge and edge["partnerOf"]["evidence"][0]["paragraph"] == 19
    assert central_actors(network, top=1)[0][0] == UNODC
    interpol = graph.entity("刑警组织").iri
    haiti = graph.entity("海地").iri
    steps = shortest_connection(network, interpol, haiti)
    assert steps[0]["subject"] in (interpol, UNODC) and all(s["evidence"] for s in steps)
    communities = cooperation_communities(network)
    assert any(UNODC in group for group in communities)
    assert UNODC in ego_network(network, interpol)


def test_open_reads_the_store_without_extracting(out, monkeypatch):
    import kg.nlp.extract

    def refuse(*_args, **_kwargs):
        raise AssertionError("opening a graph must not extract again")

    monkeypatch.setattr(kg.nlp.extract.Extractor, "extract", refuse)
    assert KnowledgeGraph.open(out).entity("WHO").label_zh == "世界卫生组织"


def test_open_without_a_store_is_a_clear_error(tmp_path):
    from kg.errors import KGError

    with pytest.raises(KGError, match="run `kg build` first"):
        KnowledgeGraph.open(tmp_path)


runner = CliRunner()


def test_cli_query_path_neighbours(out, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text(
        "PREFIX kg: <https://w3id.org/unodc-kg/ontology#>\nSELECT (COUNT(?c) AS ?n) WHERE { ?c a kg:Country }"
    )
    result = runner.invoke(app, ["query", str(query), "--store", str(out), "--format", "csv"])
    assert result.exit_code == 0 and result.output.splitlines()[0] == "n"
    stdin = runner.invoke(
        app,
        ["query", "-", "--store", str(out), "-f", "json"],
        input="SELECT ?x WHERE { VALUES ?x { 1 } }",
    )
    assert stdin.exit_code == 0 and '"x": 1' in stdin.output
    bad = runner.invoke(app, ["query", "-", "--store", str(out)], input="SELEC nothing")
    assert bad.exit_code == 2 and "SPARQL" in bad.output and "Traceback" not in bad.output
    path = runner.invoke(app, ["path", "刑警组织", "海地", "--store", str(out)])
    assert path.exit_code == 0 and "partnerOf" in path.output
    near = runner.invoke(app, ["neighbours", "INTERPOL", "--store", str(out), "-f", "tsv"])
    assert near.exit_code == 0 and "partnerOf\t联合国毒品和犯罪问题办公室" in near.output
    missing = runner.invoke(app, ["neighbours", "Atlantis", "--store", str(out)])
    assert missing.exit_code == 2 and "no entity" in missing.output


def test_cli_ask_lists_and_answers(out):
    listing = runner.invoke(app, ["ask", "--store", str(out)])
    assert listing.exit_code == 0
    unknown = runner.invoke(app, ["ask", "no_such_question", "--store", str(out)])
    assert unknown.exit_code == 2 and "kg ask" in unknown.output


# --- the API takes what it gives ------------------------------------------------------

INTERPOL = "https://w3id.org/unodc-kg/id/org/interpol"


def partner_relation(graph):
    """UNODC —partnerOf→ INTERPOL (¶36): stands for INTERPOL as an object, UNODC as a subject."""
    return next(r for r in graph.partners(of="UNODC") if r.object == INTERPOL)


# method → (its call, a name it takes, a relation another method returned that stands for the
# same entity in that method: the end of the class it takes, the object when both are)
TAKERS = {
    "entity": (lambda g, x: g.entity(x), "UNODC", partner_relation),  # a relation's subject
    "relations(subject=)": (lambda g, x: g.relations(subject=x), "UNODC", partner_relation),
    "relations(object=)": (lambda g, x: g.relations(object=x), "刑警组织", partner_relation),
    "partners": (lambda g, x: g.partners(of=x), "刑警组织", partner_relation),
    "who_works_on": (
        lambda g, x: g.who_works_on(x),
        "恐怖主义",
        lambda g: g.who_works_on("恐怖主义")[0],  # body —worksOn→ terrorism
    ),
    "programmes": (
        lambda g, x: g.programmes(of=x),
        "世界海关组织",
        lambda g: g.programmes(of="世界海关组织")[0],  # WCO —implements→ programme
    ),
    "meetings": (
        lambda g, x: g.meetings(in_=x),
        "维也纳",
        lambda g: g.meetings(in_="维也纳")[0],  # meeting —heldIn→ Vienna
    ),
    "partners_on_route": (
        lambda g, x: g.partners_on_route(x),
        "西非",
        lambda g: g.relations(predicate="transit", object="西非")[0],  # route —transit→ West Africa
    ),
}


@pytest.mark.parametrize("method", TAKERS)
def test_every_method_takes_a_name_an_iri_or_a_record(graph, method):
    call, name, relation = TAKERS[method]
    record = graph.entity(name)
    expected = call(graph, name)
    assert expected  # a question with an answer
    for same in (record.iri, record, relation(graph)):
        assert call(graph, same) == expected, same


def test_a_relation_stands_for_the_end_the_method_takes(graph):
    partner = partner_relation(graph)
    assert graph.entity(partner).iri == UNODC  # entity(): the subject
    assert graph.partners(of=partner) == graph.partners(of=INTERPOL)  # both actors: the object
    works = next(r for r in graph.who_works_on("恐怖主义") if r.subject == UNODC)
    assert graph.partners(of=works) == graph.partners(of=UNODC)  # the only actor: the subject
    assert graph.relations(predicate=partner) == graph.relations(predicate="partnerOf")
    for name in ("kg:partnerOf", "https://w3id.org/unodc-kg/ontology#partnerOf"):
        assert graph.relations(predicate=name) == graph.relations(predicate="partnerOf")


def test_partners_on_route_takes_a_route_record_and_its_relations(graph):
    first = graph.routes()[0]
    assert graph.partners_on_route(first) == list(first.actors)  # the example
    route = next(r for r in graph.routes() if r.actors)
    for same in (route, route.iri, graph.entity(route), route.actors[0]):
        assert graph.partners_on_route(same) == list(route.actors)
    assert graph.entity(route).type == "Route"
    assert graph.relations(subject=route) == graph.relations(subject=route.iri)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda g: g.partners(of=g.routes()[0]), r"partners\(of=…\) takes Organization or Country; .* is a kg:Route"),
        (lambda g: g.partners(of=42), r"takes a name, an IRI or a record of the graph, not int"),
        (lambda g: g.who_works_on(g.entity("UNODC")), r"takes Threat; .* is a kg:Organization"),
        (lambda g: g.meetings(in_=g.who_works_on("恐怖主义")[0]), r"meetings\(in_=…\) takes"),
        (lambda g: g.partners_on_route(g.entity("UNODC")), r"partners_on_route\(\) takes Route"),
        (lambda g: g.relations(predicate="likes"), r"no predicate is called 'likes'; choose from partnerOf"),
        (lambda g: g.entity(g.sparql("ASK {}")), r"not QueryResult"),
    ],
)  # fmt: skip
def test_a_record_of_the_wrong_kind_is_a_clear_error(graph, call, message):
    with pytest.raises(WrongKind, match=message):
        call(graph)


def test_labels_name_every_iri_for_people(graph):
    doc = "https://w3id.org/unodc-kg/id/doc/E-CN.7-2009-3"
    names = graph.labels([UNODC, f"{doc}/p/43", f"{doc}/fn/9", f"{KG}partnerOf", "plain text", 7])
    assert names[UNODC] == "联合国毒品和犯罪问题办公室"
    assert names[f"{doc}/p/43"] in ("E/CN.7/2009/3 ¶43", "E/CN.15/2009/3 ¶43")
    assert names[f"{doc}/fn/9"].endswith(" fn 9")
    assert names[f"{KG}partnerOf"] == "partnerOf"
    assert set(names) == {UNODC, f"{doc}/p/43", f"{doc}/fn/9", f"{KG}partnerOf"}  # IRIs only


# --- tables for people, data for machines ---------------------------------------------

MACHINE = {  # a command, and the first field of its data
    "ask NAME": (["ask", "unodc_partners"], "partner"),
    "ask": (["ask"], "name"),
    "query": (["query", "queries/unodc_donors.rq"], "donor"),
    "neighbours": (["neighbours", "INTERPOL"], "subject"),
    "path": (["path", "刑警组织", "海地"], "subject"),
}


@pytest.mark.parametrize("name", MACHINE)
@pytest.mark.parametrize("output", ["json", "csv", "tsv"])
def test_machine_formats_print_the_data_and_nothing_else(out, name, output):
    command, first = MACHINE[name]
    result = runner.invoke(app, [*command, "--store", str(out), "--format", output])
    assert result.exit_code == 0, result.output
    if output == "json":
        data = json.loads(result.stdout)  # fails on anything before or after the data
        assert data and all(isinstance(row, dict) for row in data)
        fields = list(data[0])
    else:
        delimiter = "," if output == "csv" else "\t"
        fields, *data = csv.reader(io.StringIO(result.stdout), delimiter=delimiter)
        assert data and all(len(row) == len(fields) for row in data)  # no line of another kind
    assert fields[0] == first
    if name in ("neighbours", "path"):
        assert {"subject_iri", "object_iri"} <= set(fields)  # IRIs stay for machines


def test_entities_and_relations_print_data_only(tmp_path):
    text = tmp_path / "seat.zh.txt"
    text.write_text("1. 亚洲及太平洋经济社会委员会总部设在曼谷。\n", encoding="utf-8")
    entities = runner.invoke(app, ["entities", str(text), "-f", "json"])
    assert entities.exit_code == 0
    assert {e["name_zh"] for e in json.loads(entities.stdout)} == {
        "亚洲及太平洋经济社会委员会",
        "曼谷",
    }
    relations = runner.invoke(app, ["relations", str(text), "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(relations.stdout)))
    assert [(r["subject"], r["predicate"], r["object"]) for r in rows] == [
        ("亚洲及太平洋经济社会委员会", "locatedIn", "曼谷")
    ]


def shown_columns(output: str) -> list[str]:
    """The column names that a table (its header) or a list of records (its first) shows."""
    lines = output.splitlines()
    rules = [i for i, line in enumerate(lines) if line.strip()[:1] in ("━", "─")]
    if lines[rules[0]].strip()[0] == "━":  # a table: the header is the line above its rule
        return [cell.strip() for cell in lines[rules[0] - 1].split("┃")]
    first = lines[rules[0] + 1 : rules[1] if len(rules) > 1 else -1]
    return [line.split()[0] for line in first if not line.startswith(" ")]


WIDE = [
    *(["ask", name] for name in shipped_queries()),
    ["ask"],
    ["neighbours", "UNODC"],
    ["path", "刑警组织", "海地"],
]


@pytest.mark.parametrize("command", WIDE, ids=lambda c: " ".join(c[:2]))
def test_tables_show_labels_and_whole_headers_at_80_columns(out, graph, command, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, [*command, "--store", str(out)])
    assert result.exit_code == 0, result.output
    assert "w3id.org" not in result.stdout  # no IRI: labels, symbols, paragraph numbers
    assert max(map(cell_len, result.stdout.splitlines())) <= 80
    if command == ["ask", "unodc_interpol_ask"]:
        assert result.stdout.endswith("\ntrue\n")
        return
    if command[0] == "ask" and len(command) == 2:
        # a variable and its …Label show as one column
        variables = graph.sparql(shipped_queries()[command[1]][2].read_text("utf-8")).variables
        expected = [v for v in variables if not (v.endswith("Label") and v[:-5] in variables)]
    else:
        expected = (
            ["name", "question", "question_zh"] if command == ["ask"] else list(RELATION_COLUMNS)
        )
    assert shown_columns(result.stdout) == expected
    assert result.stdout.endswith(" rows\n")


def test_a_query_table_shows_labels_where_csv_keeps_iris(out):
    table = runner.invoke(app, ["ask", "unodc_partners", "--store", str(out)])
    assert "国际刑事警察组织" in table.stdout and "E/CN.15/2009/3 ¶36" in table.stdout
    data = runner.invoke(app, ["ask", "unodc_partners", "--store", str(out), "-f", "csv"])
    assert INTERPOL in data.stdout and f"{INTERPOL}," in data.stdout
