namespace VirtNet.HA
{
    /// <summary>The HA agent: AAM (Automated Availability Manager, ESX 3.x and 4.x) or FDM (Fault Domain Manager, vSphere 5.0+).</summary>
    public enum HaAgent { Aam, Fdm }

    /// <summary>
    /// The HA generations whose defaults and timelines differ (vSphere HA Deepdive).
    /// </summary>
    public enum HaProfile
    {
        /// <summary>AAM of ESX 3.x up to 3.5 Update 2 / VC 2.5 U2: isolation response Power off.</summary>
        AamUpTo35U2,
        /// <summary>AAM of ESX 3.5 Update 3 and later 3.5 updates: Leave powered on.</summary>
        Aam35U3,
        /// <summary>AAM of vSphere 4.x: Shut down.</summary>
        Aam4,
        /// <summary>FDM of vSphere 5.0: the isolation response follows the isolation at once.</summary>
        Fdm50,
        /// <summary>FDM of vSphere 5.1 and later: the response waits das.config.fdm.isolationPolicyDelaySec (at least 30 s).</summary>
        Fdm51,
    }

    /// <summary>What an isolated host does with its VMs (API: powerOff, shutdown, none).</summary>
    public enum IsolationResponse
    {
        PowerOff,
        /// <summary>Guest shutdown; VMs still running after das.isolationShutdownTimeout are powered off.</summary>
        ShutDown,
        /// <summary>"Leave powered on" ("Disabled" from 6.0).</summary>
        LeaveOn,
    }

    /// <summary>How a scenario ended for one host, in the terms of the HA master's host states (HA Deepdive).</summary>
    public enum HaVerdict
    {
        /// <summary>The host kept, or regained in time, its heartbeats with the cluster.</summary>
        NotIsolated,
        /// <summary>The host heard no other host and no isolation address answered: it declared itself isolated.</summary>
        Isolated,
        /// <summary>The host lost the master's side of the cluster but was not isolated, and its datastore heartbeats showed it alive (FDM).</summary>
        Partitioned,
        /// <summary>The rest of the cluster declared the host failed and restarted its VMs while it was not isolated.</summary>
        Failed,
    }

    /// <summary>
    /// Who picks the heartbeat datastores (vSphere API ClusterDasConfigInfo.hBDatastoreCandidatePolicy): vCenter,
    /// among the datastores the hosts share (allFeasibleDs), or the user, by name (userSelectedDs).
    /// </summary>
    public enum HeartbeatDatastorePolicy { Automatic, UserSelected }

    /// <summary>What happens in a failure scenario event.</summary>
    public enum FailureEventKind
    {
        /// <summary>An uplink's link (or the switch port it is cabled to) goes down at At and comes back at Until.</summary>
        LinkDown,
        /// <summary>A link that is down when the scenario starts comes up at At (and goes down again at Until).</summary>
        LinkUp,
        /// <summary>A physical switch, a whole stack or one stack member goes down at At and comes back at Until.</summary>
        SwitchDown,
        /// <summary>An endpoint (gateway, isolation address, storage target) stops answering at At until Until.</summary>
        EndpointDown,
        /// <summary>A host crashes or loses power at At (its network, its datastore heartbeats and its VMs stop) and boots again at Until.</summary>
        HostDown,
    }

    /// <summary>The kinds of entries in a <see cref="VNHaTimelineEvent"/>.</summary>
    public enum HaEventKind
    {
        LinkDown,
        LinkUp,
        SwitchDown,
        SwitchUp,
        EndpointDown,
        EndpointUp,
        HostDown,
        HostUp,
        PortForwarding,
        /// <summary>A port of a link between switches goes down (or the link's cable is pulled).</summary>
        SwitchLinkDown,
        SwitchLinkUp,
        /// <summary>After a change of a VLAN's spanning tree, a switch link joins the tree and forwards.</summary>
        SpanningTreeForwarding,
        Failover,
        Failback,
        HeartbeatsLost,
        HeartbeatsResumed,
        IsolationSuspected,
        IsolationAddressPinged,
        PingReply,
        IsolationDeclared,
        IsolationCancelled,
        IsolationResponse,
        ResponseSkipped,
        ForcedPowerOff,
        MasterLost,
        ElectionStarted,
        ElectionTrafficSeen,
        MasterElected,
        DatastoreHeartbeatsChecked,
        HostUnreachable,
        HostPartitioned,
        HostDeclaredFailed,
        VMsRestarted,
    }
}
