import { decryptGroupInfo } from '@opengid/server'
import { table } from '../markdown'
import type { Section } from '../section'
import { median, round } from '../stats'
import { APP_ID, makePayloads, type Payload } from './payloads'
import { sampleDecrypt } from './sampleDecrypt'

const PAYLOADS = 32
const OPS_PER_ROUND = 10_000
const ROUNDS = 20

type Decrypt = (payload: Payload) => string

const kit: Decrypt = ({ sessionKey, encryptedData, iv }) =>
  decryptGroupInfo({ sessionKey, encryptedData, iv, appId: APP_ID }).roomId
const sample: Decrypt = ({ sessionKey, encryptedData, iv }) =>
  sampleDecrypt(APP_ID, sessionKey, encryptedData, iv).openGId as string

/** Seconds for OPS_PER_ROUND decryptions, cycling through the payloads. */
function timeRound(decrypt: Decrypt, payloads: Payload[]): number {
  let checksum = 0
  const start = process.hrtime.bigint()
  for (let i = 0; i < OPS_PER_ROUND; i++) checksum += decrypt(payloads[i % payloads.length]).length
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  // Using the results keeps the work observable, so nothing can be optimised away.
  if (checksum === 0) throw new Error('no opengid was decrypted')
  return seconds
}

/**
 * The `decrypt` section: decryptGroupInfo against WeChat's sample way, on the
 * same payloads in the same process. Rounds alternate which goes first, so
 * warm-up, GC and frequency drift fall on both alike.
 */
export function measureDecrypt(): Section {
  const payloads = makePayloads(PAYLOADS)
  for (const payload of payloads) {
    if (kit(payload) !== payload.opengid || sample(payload) !== payload.opengid) {
      throw new Error('the two decrypters disagree on a payload: the comparison would be meaningless')
    }
  }
  timeRound(kit, payloads)
  timeRound(sample, payloads)
  const seconds = { kit: [] as number[], sample: [] as number[] }
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 ? (['sample', 'kit'] as const) : (['kit', 'sample'] as const)
    for (const name of order) seconds[name].push(timeRound(name === 'kit' ? kit : sample, payloads))
  }
  // Medians of the rounds: a round slowed by another process on the shared cores must not move the figure.
  const opsPerSecond = (rounds: number[]) => Math.round(median(rounds.map((s) => OPS_PER_ROUND / s)))
  const roundRatios = seconds.kit.map((s, i) => seconds.sample[i] / s)
  const data = {
    rounds: ROUNDS,
    opsPerRound: OPS_PER_ROUND,
    kitOpsPerSecond: opsPerSecond(seconds.kit),
    sampleOpsPerSecond: opsPerSecond(seconds.sample),
    ratio: round(median(roundRatios), 2),
    roundRatio: { min: round(Math.min(...roundRatios), 2), max: round(Math.max(...roundRatios), 2) },
  }
  return {
    id: 'decrypt',
    title: `Decrypt throughput (${ROUNDS} interleaved rounds × ${OPS_PER_ROUND} ops each, ${PAYLOADS} getShareInfo payloads)`,
    markdown:
      table(
        ['decrypter', 'ops/s', 'kit / sample'],
        [
          ['decryptGroupInfo (kit)', data.kitOpsPerSecond, data.ratio],
          ["WeChat's sample way", data.sampleOpsPerSecond, 1],
        ],
      ) + `\n\nmedians of the rounds; kit / sample per round ranged ${data.roundRatio.min} to ${data.roundRatio.max}`,
    data,
  }
}
