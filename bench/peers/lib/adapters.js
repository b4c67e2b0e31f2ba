'use strict';
// Client adapters. Each returns a client with:
//   length()            current local document length (characters; all text here is ASCII)
//   insert(pos, text)   local insert, submitted to the server at once
//   text()              current local document text
//   close()
// and calls onRemote(insertedStrings) synchronously when a remote change has been applied
// locally, passing the inserted runs of that change in document order.
const WebSocket = require('ws');

const COLLECTION = 'bench';
const DOC_ID = 'doc1';

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// ShareDB client document representation.
//  'string': ot-text-unicode as shipped: the document is a JS string and every op application
//            rebuilds it (O(document length) per op, per client).
//  'rope':   the same type (same name/URI, same ops on the wire) built with
//            ot-text-unicode's makeType() over jumprope, as its README suggests for large
//            documents: O(log n) per op. Only the clients use it; the server is unchanged.
//            All text in this benchmark is ASCII, so JS-string and code-point positions agree.
function sharedbTextType(kind) {
  const textUnicode = require('ot-text-unicode');
  if (kind === 'string') return textUnicode.type;
  const Rope = require('jumprope');
  const ropeFns = {
    create(str) { return new Rope(str); },
    toString(rope) { return rope.toString(); },
    builder(rope) {
      if (typeof rope === 'string') rope = new Rope(rope);
      let pos = 0;
      return {
        skip(n) { pos += n; },
        append(s) { rope.insert(pos, s); pos += s.length; },
        del(n) { rope.del(pos, n); },
        build() { return rope; },
      };
    },
    slice(rope, start, end) { return rope.substring(start, end - start); },
  };
  const t = textUnicode.makeType(ropeFns);
  return Object.assign({}, t, {
    deserialize: (data) => new Rope(data),
    serialize: (rope) => rope.toString(),
  });
}

async function connectShareDB(port, onRemote, opts = {}) {
  const ShareDB = require('sharedb/lib/client');
  const docKind = opts.sharedbDoc || 'rope';
  ShareDB.types.register(sharedbTextType(docKind));

  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  const connection = new ShareDB.Connection(ws);
  const doc = connection.get(COLLECTION, DOC_ID);
  // ShareDB composes queued local ops while one is in flight (its default). Keep it unless asked.
  if (opts.preventCompose) doc.preventCompose = true;
  await withTimeout(new Promise((resolve, reject) => {
    doc.subscribe((err) => (err ? reject(err) : resolve()));
  }), 30000, 'sharedb subscribe');
  if (!doc.type) throw new Error('sharedb document does not exist');
  if (docKind === 'rope' && typeof doc.data === 'string') throw new Error('rope type not in use');

  doc.on('op', (op, source) => {
    if (source) return; // local op
    const runs = [];
    for (let i = 0; i < op.length; i++) if (typeof op[i] === 'string') runs.push(op[i]);
    if (runs.length) onRemote(runs);
  });
  doc.on('error', (e) => { console.error('sharedb doc error', e && e.message); });

  return {
    length: () => doc.data.length,
    insert: (pos, text) => doc.submitOp(pos === 0 ? [text] : [pos, text]),
    text: () => (typeof doc.data === 'string' ? doc.data : doc.data.toString()),
    pending: () => (doc.inflightOp ? 1 : 0) + doc.pendingOps.length,
    close: () => { try { connection.close(); } catch (_) { /* ignore */ } },
  };
}

async function connectHocuspocus(port, onRemote) {
  // ES modules on purpose (as a browser bundle would load them): the CJS builds of yjs and the
  // provider route every lib0 call through namespace getters, which costs several times more CPU
  // per applied update. All Yjs code in this thread must come from the same (ESM) build.
  const Y = await import('yjs');
  const { HocuspocusProvider } = await import('@hocuspocus/provider');
  const ydoc = new Y.Doc();
  const ytext = ydoc.getText('text');
  // Detect remote ops when a remote transaction has been applied to the local document
  // ('afterTransaction'), by reading the characters it added straight from the struct store:
  // for each client, clocks [beforeState, afterState) are exactly the new items, and one client's
  // characters are numbered by consecutive clocks in insertion order, so their concatenation
  // yields whole op ids. (Computing the YTextEvent delta instead walks the whole item list on
  // every remote update, O(document), which with ~100 clients in one process made the load
  // generator the bottleneck; decoding the 'update' event costs an extra decode per update.)
  ydoc.on('afterTransaction', (tr) => {
    if (tr.local) return; // our own insert
    let runs = null;
    tr.afterState.forEach((after, client) => {
      const before = tr.beforeState.get(client) || 0;
      if (after <= before) return;
      const structs = ydoc.store.clients.get(client);
      let run = '';
      for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i].id.clock < after; i++) {
        const st = structs[i];
        const str = st.content && st.content.str;
        if (typeof str !== 'string') continue;
        const from = Math.max(0, before - st.id.clock);
        const to = Math.min(str.length, after - st.id.clock);
        run += (from === 0 && to === str.length) ? str : str.slice(from, to);
      }
      if (run) (runs || (runs = [])).push(run);
    });
    if (runs) onRemote(runs);
  });
  let provider;
  await withTimeout(new Promise((resolve, reject) => {
    provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${port}`,
      name: DOC_ID,
      document: ydoc,
      WebSocketPolyfill: WebSocket, // Node 20 has no global WebSocket
      onSynced: () => resolve(),
      onAuthenticationFailed: (e) => reject(new Error('auth failed ' + JSON.stringify(e))),
    });
  }), 30000, 'hocuspocus sync');

  return {
    length: () => ytext.length,
    insert: (pos, text) => ytext.insert(pos, text),
    text: () => ytext.toString(),
    pending: () => provider.unsyncedChanges,
    close: () => { try { provider.destroy(); provider.configuration.websocketProvider.destroy(); } catch (_) { /* ignore */ } },
  };
}

module.exports = { connectShareDB, connectHocuspocus };

// ---------------------------------------------------------------------------------------------
// "Light" receivers (diagnostic, --receivers light): a raw WebSocket client that joins the
// document with the system's own wire protocol, decodes every incoming change just far enough to
// find the op ids it carries ("seen"), and keeps the raw changes. It maintains no live replica,
// so it costs the load process little per op. Its final document (for the convergence check) is
// built once, after quiescence, from the changes it received. Senders are always full clients.

async function connectShareDBLight(port, onRemote) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  let base = null;
  let baseV = 0;
  const ops = [];
  await withTimeout(new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.a === 'op') {
        if (m.c !== COLLECTION || m.d !== DOC_ID || !m.op) return;
        ops.push(m);
        const runs = [];
        for (let i = 0; i < m.op.length; i++) if (typeof m.op[i] === 'string') runs.push(m.op[i]);
        if (runs.length) onRemote(runs);
      } else if (m.a === 'init') {
        ws.send(JSON.stringify({ a: 'hs', id: null, protocol: 1, protocolMinor: 2 }));
      } else if (m.a === 'hs') {
        if (m.error) return reject(new Error(JSON.stringify(m.error)));
        ws.send(JSON.stringify({ a: 's', c: COLLECTION, d: DOC_ID, v: null }));
      } else if (m.a === 's') {
        if (m.error) return reject(new Error(JSON.stringify(m.error)));
        base = m.data.data;
        baseV = m.data.v;
        resolve();
      }
    });
  }), 30000, 'sharedb light subscribe');
  return {
    length: () => { throw new Error('light receivers do not send'); },
    insert: () => { throw new Error('light receivers do not send'); },
    text: () => {
      const type = sharedbTextType('rope');
      let doc = type.deserialize(base);
      const sorted = ops.filter((o) => o.v >= baseV).sort((x, y) => x.v - y.v);
      let v = baseV;
      for (const o of sorted) {
        if (o.v !== v) throw new Error(`light receiver: op version gap at ${v}`);
        doc = type.apply(doc, o.op);
        v++;
      }
      return doc.toString();
    },
    pending: () => 0,
    close: () => { try { ws.close(); } catch (_) { /* ignore */ } },
  };
}

const lightTextCache = new Map();

async function connectHocuspocusLight(port, onRemote) {
  const Y = await import('yjs');
  const encoding = await import('lib0/encoding');
  const decoding = await import('lib0/decoding');
  const { writeAuthentication } = await import('@hocuspocus/common');
  const MT_SYNC = 0; const MT_AUTH = 2;
  const SYNC_STEP1 = 0; const SYNC_STEP2 = 1; const SYNC_UPDATE = 2;
  const empty = new Y.Doc();
  const updates = [];
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  ws.binaryType = 'nodebuffer';
  const send = (fill) => {
    const enc = encoding.createEncoder();
    encoding.writeVarString(enc, DOC_ID);
    fill(enc);
    ws.send(encoding.toUint8Array(enc));
  };
  // Op ids in a Yjs update: each client's string contents in clock order.
  const idsOf = (update) => {
    const { structs } = Y.decodeUpdate(update);
    const runs = [];
    let run = ''; let client = -1; let next = -1;
    for (const st of structs) {
      const str = st.content && st.content.str;
      if (typeof str !== 'string') continue;
      if (st.id.client !== client || st.id.clock !== next) { if (run) runs.push(run); run = ''; client = st.id.client; }
      run += str; next = st.id.clock + str.length;
    }
    if (run) runs.push(run);
    return runs;
  };
  await withTimeout(new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () => {
      send((enc) => { encoding.writeVarUint(enc, MT_AUTH); writeAuthentication(enc, ''); encoding.writeVarString(enc, 'bench-light'); });
      send((enc) => {
        encoding.writeVarUint(enc, MT_SYNC);
        encoding.writeVarUint(enc, SYNC_STEP1);
        encoding.writeVarUint8Array(enc, Y.encodeStateVector(empty));
      });
    });
    ws.on('message', (data) => {
      const dec = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      decoding.readVarString(dec);
      const type = decoding.readVarUint(dec);
      if (type !== MT_SYNC) return; // auth, awareness, sync status: not needed here
      const st = decoding.readVarUint(dec);
      if (st === SYNC_STEP1) {
        decoding.readVarUint8Array(dec); // the server's state vector; we have nothing it lacks
        send((enc) => {
          encoding.writeVarUint(enc, MT_SYNC);
          encoding.writeVarUint(enc, SYNC_STEP2);
          encoding.writeVarUint8Array(enc, Y.encodeStateAsUpdate(empty));
        });
      } else if (st === SYNC_STEP2 || st === SYNC_UPDATE) {
        const update = decoding.readVarUint8Array(dec).slice();
        updates.push(update);
        if (st === SYNC_STEP2) resolve();
        else { const runs = idsOf(update); if (runs.length) onRemote(runs); }
      }
    });
  }), 30000, 'hocuspocus light sync');
  return {
    length: () => { throw new Error('light receivers do not send'); },
    insert: () => { throw new Error('light receivers do not send'); },
    text: () => {
      // Every light receiver of a run normally received the very same update stream, so the
      // document built from it is cached by a digest of the stream (building it once per receiver
      // took longer than the collect timeout at 12 000 updates x 98 receivers).
      const h = require('crypto').createHash('sha1');
      for (const u of updates) h.update(u);
      const digest = h.digest('hex');
      let text = lightTextCache.get(digest);
      if (text === undefined) {
        const d = new Y.Doc();
        Y.transact(d, () => { for (const u of updates) Y.applyUpdate(d, u); });
        text = d.getText('text').toString();
        lightTextCache.set(digest, text);
      }
      return text;
    },
    pending: () => 0,
    close: () => { try { ws.close(); } catch (_) { /* ignore */ } },
  };
}

module.exports.connectShareDBLight = connectShareDBLight;
module.exports.connectHocuspocusLight = connectHocuspocusLight;
