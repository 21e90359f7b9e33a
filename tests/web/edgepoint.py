"""A point of a drawn edge that a pointer can hover or click to reach exactly that edge, for
the browser tests of the views: on the edge's own curve (vis-network's ``getPoint``), on no
node, and more than 12 px from every other edge (vis-network's hover takes any edge within
10 px of the pointer)."""

#: JavaScript for ``page.evaluate(EDGE_POINT, quote)``: the first edge whose claims quote
#: `quote` (any edge if null) that has such a point; its id and page x, y.
EDGE_POINT = """(want) => {
    const box = document.getElementById('mynetwork').getBoundingClientRect();
    const curve = id => network.body.edges[id].edgeType;
    const at = (id, t) => network.canvasToDOM(curve(id).getPoint(t));
    const samples = id => Array.from({length: 41}, (_, i) => at(id, i / 40));
    const all = edges.get({filter: x => !x.hidden});
    const drawn = Object.fromEntries(all.map(x => [x.id, samples(x.id)]));
    const far = (p, id) => all.every(o => o.id === id || drawn[o.id].every(
        (q, i, qs) => i === 0 || segment(p, qs[i - 1], q) > 12));
    const segment = (p, a, b) => {
        const dx = b.x - a.x, dy = b.y - a.y, len = dx * dx + dy * dy || 1;
        const k = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
        return Math.hypot(p.x - a.x - k * dx, p.y - a.y - k * dy);
    };
    const wanted = all.filter(x => want === null || x.claims.some(c => c.quote.includes(want)));
    for (const e of wanted) {
        for (const t of [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2, 0.85, 0.9]) {
            const p = at(e.id, t);
            if (network.getNodeAt(p) === undefined && far(p, e.id)) {
                return {id: e.id, title: e.title, x: box.left + p.x, y: box.top + p.y};
            }
        }
    }
    return null;
}"""
