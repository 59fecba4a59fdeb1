"""The Python API over the built store: names, relations with evidence, SPARQL, networkx."""

import networkx as nx
import pytest
from typer.testing import CliRunner

from kg import EntityNotFound, KnowledgeGraph
from kg.analysis import central_actors, cooperation_communities, ego_network, shortest_connection
from kg.cli import app

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
    assert {r.subject_label for r in on_route} == {"联合国毒品和犯罪问题办公室"}
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
