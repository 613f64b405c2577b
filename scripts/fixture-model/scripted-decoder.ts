/**
 * The scripted "language model" shared by the tiny fixture and the whisper-base-sized model:
 * graph pieces that work out which script token comes next, its one-hot logits and the
 * cross-attention rows that give each word its scripted time span.
 *
 * The decoder cannot see its past tokens (after the first step transformers.js feeds only the
 * last one), so it carries its state in the self-attention cache: one entry per position with
 * channel 0 = mode (1 once `<|notimestamps|>` was read), channel 1 = prompt tokens read so far.
 */
import { DataType, type GraphBuilder } from '../../speech/onnx-graph/graph-builder';
import { ENCODER_POSITIONS, MAX_TARGET_POSITIONS, type Vocabulary } from './vocabulary';

const NEG = -100;

export interface ScriptPosition {
  /** [B,S] int64: index of the script token predicted at each position of this step. */
  generated: string;
  /** [B,1] float: 1 in `<|notimestamps|>` mode. */
  mode: string;
  /** [B,1,S,channels] float: the state entries to append to the cache. */
  stateEntries: string;
  /** Past length (scalar int64). */
  past: string;
  /** This step's length (scalar int64). */
  steps: string;
}

/**
 * Reads the state from the cache and works out script positions for this step's tokens.
 * @param stateCache [B,1,P,channels] float, the cache slice that carries the state
 * @param channels channels of stateCache (≥ 2)
 */
export function addScriptPosition(
  g: GraphBuilder,
  v: Vocabulary,
  ids: string,
  stateCache: string,
  channels: number,
): ScriptPosition {
  const c0 = g.constI([0], []);
  const c1 = g.constI([1], []);
  const c2 = g.constI([2], []);
  const axes = (a: number[]): string => g.constI(a, [a.length]);

  const idsShape = g.op('Shape', [ids]);
  const steps = g.op('Gather', [idsShape, c1], { axis: 0 });
  const batch1 = g.op('Unsqueeze', [g.op('Gather', [idsShape, c0], { axis: 0 }), axes([0])]);
  const past = g.op('Gather', [g.op('Shape', [stateCache]), c2], { axis: 0 });

  // a zero entry keeps the reduction defined when the cache is still empty
  const zeroEntry = g.op('Expand', [
    g.constF(new Array<number>(channels).fill(0), [1, 1, 1, channels]),
    g.op('Concat', [batch1, axes([1, 1, channels])], { axis: 0 }),
  ]);
  const pastState = g.op('ReduceMax', [g.op('Concat', [stateCache, zeroEntry], { axis: 2 })], {
    axes: [1, 2],
    keepdims: 0,
  });
  const pastMode = g.op('Gather', [pastState, g.constI([0], [1])], { axis: 1 }); // [B,1]
  const pastCount = g.op('Gather', [pastState, g.constI([1], [1])], { axis: 1 }); // [B,1]
  // prompt tokens are ids in [<|startoftranscript|>, <|notimestamps|>]. Counting them (rather than
  // using the prompt length) also works when a caller forces the prompt one token per step.
  const isPrompt = g.op(
    'Cast',
    [
      g.op('And', [
        g.op('GreaterOrEqual', [ids, g.constI([v.ids.sot], [])]),
        g.op('LessOrEqual', [ids, g.constI([v.ids.notimestamps], [])]),
      ]),
    ],
    { to: DataType.FLOAT },
  );
  const count = g.op('Add', [pastCount, g.op('CumSum', [isPrompt, c1])]); // [B,S]
  const isNoTimestamps = g.op('Cast', [g.op('Equal', [ids, g.constI([v.ids.notimestamps], [])])], {
    to: DataType.FLOAT,
  });
  const mode = g.op('Max', [
    pastMode,
    g.op('ReduceMax', [isNoTimestamps], { axes: [1], keepdims: 1 }),
  ]); // [B,1]
  const modePerStep = g.op('Add', [g.op('Mul', [count, g.constF([0], [])]), mode]); // [B,S]
  const count3 = g.op('Unsqueeze', [count, axes([2])]); // [B,S,1]
  const stateEntries = g.op('Unsqueeze', [
    g.op(
      'Concat',
      [
        g.op('Unsqueeze', [modePerStep, axes([2])]),
        count3,
        g.op('Mul', [
          count3,
          g.constF(new Array<number>(channels - 2).fill(0), [1, 1, channels - 2]),
        ]),
      ],
      { axis: 2 },
    ),
    axes([1]),
  ]); // [B,1,S,channels]

  // absolute positions P..P+S-1; generated tokens up to each = index of the token predicted there
  const positions = g.op('Unsqueeze', [
    g.op('Range', [past, g.op('Add', [past, steps]), c1]),
    axes([0]),
  ]);
  const generated = g.op('Sub', [
    g.op('Add', [positions, c1]),
    g.op('Cast', [count], { to: DataType.INT64 }),
  ]);
  return { generated, mode, stateEntries, past, steps };
}

/** [B,S] int64: the scripted next token (silence gate and prompt continuation applied). */
export function addScriptedToken(
  g: GraphBuilder,
  v: Vocabulary,
  ids: string,
  at: ScriptPosition,
  loudness: { frames: string; threshold: number | null },
): string {
  const c0 = g.constI([0], []);
  const clamped = g.op('Min', [
    g.op('Max', [at.generated, c0]),
    g.constI([MAX_TARGET_POSITIONS - 1], []),
  ]);
  const modeI = g.op('Cast', [at.mode], { to: DataType.INT64 });
  const tableIndex = g.op('Add', [
    g.op('Mul', [modeI, g.constI([MAX_TARGET_POSITIONS], [])]),
    clamped,
  ]);
  const table = new Array<number>(2 * MAX_TARGET_POSITIONS).fill(v.ids.eot);
  v.tsScript.forEach(([token], i) => (table[i] = token));
  v.plainScript.forEach((token, i) => (table[MAX_TARGET_POSITIONS + i] = token));
  let token = g.op('Gather', [g.constI(table, [table.length]), tableIndex], { axis: 0 });
  if (loudness.threshold !== null) {
    // silence gate: no encoder frame louder than the threshold → <|endoftext|> → empty transcript
    const loudest = g.op('ReduceMax', [loudness.frames], { axes: [1], keepdims: 1 }); // [B,1]
    const hasSound = g.op('Greater', [loudest, g.constF([loudness.threshold], [])]);
    token = g.op('Where', [hasSound, token, g.constI([v.ids.eot], [])]);
  }
  if (v.langRange) {
    // callers that let the model predict prompt slots: after <|sot|> say <|en|>, after a language <|transcribe|>
    const [first, last] = v.langRange;
    const isLang = g.op('And', [
      g.op('GreaterOrEqual', [ids, g.constI([first], [])]),
      g.op('LessOrEqual', [ids, g.constI([last], [])]),
    ]);
    const isSot = g.op('Equal', [ids, g.constI([v.ids.sot], [])]);
    const en = v.langToId['<|en|>'] ?? v.ids.eot;
    token = g.op('Where', [
      isLang,
      g.constI([v.ids.transcribe], []),
      g.op('Where', [isSot, g.constI([en], []), token]),
    ]);
  }
  return token;
}

/** [B,S,V] float: 0 at the scripted token, -100 elsewhere (added to real logits, it still wins). */
export function addScriptedLogits(g: GraphBuilder, v: Vocabulary, token: string): string {
  const vocabRange = g.op('Range', [
    g.constI([0], []),
    g.constI([v.vocabSize], []),
    g.constI([1], []),
  ]);
  const hit = g.op('Equal', [g.op('Unsqueeze', [token, g.constI([2], [1])]), vocabRange]);
  return g.op('Where', [hit, g.constF([0], []), g.constF([NEG], [])]);
}

/**
 * [B,1,S,T] float: the row of the token read at each position is 1 over that token's scripted
 * span [start, next start), so transformers.js's DTW puts the word where the script says.
 * @param encoderFrames scalar int64: T (encoder positions)
 */
export function addScriptedCrossAttention(
  g: GraphBuilder,
  v: Vocabulary,
  at: ScriptPosition,
  encoderFrames: string,
  convention: 'v4' | 'v2',
): string {
  const c0 = g.constI([0], []);
  const c1 = g.constI([1], []);
  // starts[k] = start position of generated token k-1; starts[0] = 0 for prompt rows
  const starts = new Array<number>(MAX_TARGET_POSITIONS + 2).fill(ENCODER_POSITIONS);
  starts[0] = 0;
  v.tsScript.forEach(([, position], i) => (starts[i + 1] = position));
  // The opening timestamp owns the lead-in [0, first word): v4 crops prompt rows before DTW, so
  // without this the first word's start collapses to 0.02.
  starts[1] = 0;
  const startTable = g.constI(starts, [starts.length]);
  // v3/v4 pair row p with the token read at p; v2 with the token predicted at p (one later)
  const raw = convention === 'v2' ? g.op('Add', [at.generated, c1]) : at.generated;
  const k = g.op('Min', [g.op('Max', [raw, c0]), g.constI([MAX_TARGET_POSITIONS], [])]);
  const start = g.op('Cast', [g.op('Gather', [startTable, k], { axis: 0 })], {
    to: DataType.FLOAT,
  });
  const end = g.op('Cast', [g.op('Gather', [startTable, g.op('Add', [k, c1])], { axis: 0 })], {
    to: DataType.FLOAT,
  });
  const frame = g.op('Cast', [g.op('Range', [c0, encoderFrames, c1])], { to: DataType.FLOAT }); // [T]
  const start3 = g.op('Unsqueeze', [start, g.constI([2], [1])]);
  const end3 = g.op('Unsqueeze', [end, g.constI([2], [1])]);
  const inSpan = g.op(
    'Cast',
    [g.op('And', [g.op('Not', [g.op('Less', [frame, start3])]), g.op('Less', [frame, end3])])],
    { to: DataType.FLOAT },
  );
  // transformers.js z-normalises each column: a tiny distance ramp keeps every column's variance
  // above 0. It must stay tiny: at -1e-3 DTW enters every word one frame (0.02 s) early.
  const ramp = g.op('Mul', [g.op('Abs', [g.op('Sub', [frame, start3])]), g.constF([-1e-5], [])]);
  return g.op('Unsqueeze', [g.op('Add', [inSpan, ramp]), g.constI([1], [1])]); // [B,1,S,T]
}
