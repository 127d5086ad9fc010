/**
 * Timings the design file does not (yet) state, with their sources. Detection, isolation,
 * orchestration and VM Component Protection timings come from the cluster's `ha:` block
 * (format.ts, defaults from docs/design/algorithms.md#2-ha-restart-after-a-host-failure); these are the rest.
 */

/** How long a scenario runs when it does not say; VMs still down count downtime up to here. */
export const DEFAULT_HORIZON_SECONDS = 3600;

/**
 * Fault tolerance: the secondary runs in lockstep and goes live as soon as the primary's
 * host stops answering (docs/design/algorithms.md#2-ha-restart-after-a-host-failure, docs/design/domain.md#replicated-and-fault-tolerant-vms). vSphere FT
 * failover is "seconds or less"; 1 s is an assumption, kept below any restart.
 */
export const FT_TAKEOVER_SECONDS = 1;

/**
 * A replica (vSphere Replication, Hyper-V Replica, ...) is a warm copy that must be
 * promoted and resumed: a small delay, assumed 10 s, above FT's and below a restart's
 * detection (15 s) plus boot.
 */
export const REPLICA_TAKEOVER_SECONDS = 10;

/**
 * Guest clusters: the partner node takes the application over "in seconds"
 * (docs/design/domain.md#guest-cluster-failover). Windows failover clustering declares a node down after 10 missed 1 s
 * heartbeats (SameSubnetThreshold 10, SameSubnetDelay 1 s since Windows Server 2016); NLB
 * converges after 5 missed 1 s heartbeats. Resource move time is not counted (assumption).
 */
export const GUEST_CLUSTER_TAKEOVER_SECONDS: Readonly<Record<'failover' | 'nlb', number>> = {
  failover: 10,
  nlb: 5,
};

/** Detection defaults (format.ts, vSphere) for a host outside any cluster. */
export const DEFAULT_FAILURE_TIMEOUT_SECONDS = 15;

/**
 * The recovery step of an asynchronous copy when the design does not state it
 * (`mirror.recoverySeconds`): from the loss of the primary array to the copy serving and
 * its VMs being started. It is a decision and a procedure (declare the disaster, run the
 * recovery plan: vSphere Replication / Site Recovery Manager, Hyper-V Replica, Storage
 * Replica failover), so it is measured in tens of minutes: 30 min is an assumption.
 */
export const DEFAULT_RECOVERY_SECONDS = 1800;
