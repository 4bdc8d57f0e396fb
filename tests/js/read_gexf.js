// Reads a GEXF file with graphology-gexf and prints what it understood, as JSON, for tests/test_graphology.py.
// Usage: node read_gexf.js FILE.gexf
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");

const text = fs.readFileSync(process.argv[2], "utf8");
const graph = gexf.parse(Graph, text, { allowUndeclaredAttributes: false });
const nodes = {};
graph.forEachNode((key, attributes) => { nodes[key] = attributes; });
const edges = [];
graph.forEachEdge((key, attributes, source, target) => { edges.push({ key, source, target, attributes }); });
process.stdout.write(JSON.stringify({ type: graph.type, multi: graph.multi, order: graph.order, size: graph.size, nodes, edges }));
