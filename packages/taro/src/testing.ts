export {
  createSimulatedBridge,
  memoryStorage,
  type SimulatedBridge,
  type SimulatedCall,
  type SimulatedClient,
} from './testing/simulatedBridge'
export {
  createSimulatedResolver,
  type SimulatedResolver,
  type SimulatedResolverOptions,
} from './testing/simulatedResolver'
export { memoryWeChat, SIMULATED_GROUP_OPENID, type SimulatedGroup, type SimulatedWeChat } from './testing/memoryWeChat'
