using System;
using System.Collections.Generic;
using System.Linq;
using VirtNet.HA;

namespace VirtNet
{
    /// <summary>
    /// The hosts, physical switches and HA clusters of one session, as PowerCLI keeps what a connected vCenter
    /// holds: what is created or imported is kept here, so names resolve and the Get- cmdlets list it. Objects are
    /// kept by reference, not by name: two imports of one estate may coexist, and a name or path that more than one
    /// object answers to is an error that lists them, never a silent pick.
    /// </summary>
    public sealed class VNInventory
    {
        readonly List<VNHost> _hosts = new List<VNHost>();
        readonly List<VNPhysicalSwitch> _physicalSwitches = new List<VNPhysicalSwitch>();
        readonly List<VNCluster> _clusters = new List<VNCluster>();

        /// <summary>Hosts in the order they were kept.</summary>
        public IReadOnlyList<VNHost> Hosts => _hosts;
        public IReadOnlyList<VNPhysicalSwitch> PhysicalSwitches => _physicalSwitches;
        public IReadOnlyList<VNCluster> Clusters => _clusters;

        /// <summary>Keeps a host, physical switch or cluster (once, however often it is added); other objects are not kept and are returned as they are.</summary>
        public T Add<T>(T item)
        {
            switch (item)
            {
                case VNHost host: AddOnce(_hosts, host); break;
                case VNPhysicalSwitch physicalSwitch: AddOnce(_physicalSwitches, physicalSwitch); break;
                case VNCluster cluster: AddOnce(_clusters, cluster); break;
            }
            return item;
        }

        static void AddOnce<T>(List<T> list, T item) where T : class
        {
            if (!list.Contains(item)) list.Add(item);
        }

        /// <summary>Drops a host. A cluster of the inventory that still holds it would be left pointing at a host nobody can list, so that is refused, naming the clusters.</summary>
        public void Remove(VNHost host)
        {
            var clusters = _clusters.Where(c => c.Hosts.Contains(host)).ToList();
            if (clusters.Count > 0)
                throw new VirtNetException(ErrorIds.HostInUse, VirtNetErrorKind.ResourceExists,
                    $"Host '{host.Name}' is a member of cluster(s) {Quoted(clusters.Select(c => c.Name))}. " +
                    "Remove it from them first (Set-VNCluster -RemoveHost) or remove the clusters (Remove-VNCluster).", host);
            _hosts.Remove(host);
        }

        /// <summary>Drops a physical switch; refused, naming them, while uplinks of kept hosts are cabled to it or kept clusters list it.</summary>
        public void Remove(VNPhysicalSwitch physicalSwitch)
        {
            var uplinks = _hosts.SelectMany(h => h.Uplinks).Where(u => u.PhysicalSwitch == physicalSwitch).Select(u => u.Path).ToList();
            var clusters = _clusters.Where(c => c.PhysicalSwitches.Contains(physicalSwitch)).Select(c => c.Name).ToList();
            if (uplinks.Count > 0 || clusters.Count > 0)
                throw new VirtNetException(ErrorIds.PhysicalSwitchInUse, VirtNetErrorKind.ResourceExists,
                    $"Physical switch '{physicalSwitch.Name}' is still in use: " +
                    string.Join("; ", new[]
                    {
                        uplinks.Count > 0 ? $"uplinks {Quoted(uplinks)} are cabled to it" : null,
                        clusters.Count > 0 ? $"cluster(s) {Quoted(clusters)} list it" : null,
                    }.Where(s => s != null)) +
                    ". Remove those hosts or clusters first (Remove-VNHost, Remove-VNCluster).", physicalSwitch);
            _physicalSwitches.Remove(physicalSwitch);
        }

        public void Remove(VNCluster cluster) => _clusters.Remove(cluster);

        /// <summary>
        /// The one object of type <typeparamref name="T"/> that <paramref name="nameOrPath"/> stands for: first by
        /// path (esx01/vSwitch1/NFS, as findings print it), then by name alone. Kinds: hosts, physical switches,
        /// clusters, virtual switches, port groups, uplinks, VMkernel adapters, virtual machines and switch ports.
        /// None is the kind's not-found error listing what exists; several is AmbiguousName listing them.
        /// </summary>
        public T Resolve<T>(string nameOrPath) where T : class => (T)Resolve(typeof(T), nameOrPath);

        /// <summary>The one object of type <paramref name="type"/> that <paramref name="nameOrPath"/> stands for; see <see cref="Resolve{T}"/>.</summary>
        public object Resolve(Type type, string nameOrPath)
        {
            var kind = Kind.Of(type);
            var text = nameOrPath ?? "";
            var matches = kind.All(this).Where(o => kind.PathIs(o, text, text.Length)).ToList();
            if (matches.Count == 0)
                matches = kind.All(this).Where(o => Names.Comparer.Equals(kind.Name(o), text)).ToList();
            if (matches.Count == 1) return matches[0];
            if (matches.Count == 0)
            {
                var existing = kind.All(this).Select(kind.Path).Distinct(Names.Comparer).ToList();
                var list = existing.Count == 0 ? "there are none" : "existing: " + string.Join(", ", existing.Take(20)) + (existing.Count > 20 ? $" and {existing.Count - 20} more" : "");
                throw new VirtNetException(kind.NotFoundErrorId, VirtNetErrorKind.ObjectNotFound,
                    $"No {kind.What} named '{nameOrPath}' in the session ({list}). Create or import it first, or pass the object itself.", nameOrPath);
            }
            var paths = matches.Select(kind.Path).ToList();
            var same = paths.Distinct(Names.Comparer).Count() < paths.Count;
            throw new VirtNetException(ErrorIds.AmbiguousName, VirtNetErrorKind.InvalidArgument,
                $"{matches.Count} {kind.Plural} in the session answer to '{nameOrPath}': {string.Join(", ", paths)}" +
                (same ? " (objects with the same name, such as two imports of one estate). Pass the object itself"
                      : ". Give the full path, or pass the object itself") + ", for example one that Get-VNHost lists.", nameOrPath);
        }

        /// <summary>The names and paths of the kept objects of type <paramref name="type"/>, for tab completion: paths, and names that are unique.</summary>
        public IEnumerable<string> NamesOf(Type type)
        {
            var kind = Kind.Of(type);
            var all = kind.All(this).ToList();
            var paths = all.Select(kind.Path).Distinct(Names.Comparer);
            var uniqueNames = all.GroupBy(kind.Name, Names.Comparer).Where(g => g.Count() == 1).Select(g => g.Key);
            return uniqueNames.Concat(paths).Distinct(Names.Comparer);
        }

        static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));

        /// <summary>How each kind of object is listed, named and reported when a name does not resolve.</summary>
        sealed class Kind
        {
            public string What, Plural, NotFoundErrorId;
            public Func<VNInventory, IEnumerable<object>> All;
            public Func<object, string> Name, Path;
            /// <summary>The object whose path prefixes this one's (a vSwitch's host, a port group's vSwitch), and its kind; null for top-level objects.</summary>
            public Func<object, object> Parent;
            public Type ParentType;

            /// <summary>
            /// Whether the object's <see cref="Path"/> (parent's path, '/', name, as the model classes build it) equals
            /// the first <paramref name="length"/> characters of <paramref name="text"/>, compared from the name back
            /// without building the path: a lookup in a large session allocates nothing per object.
            /// </summary>
            public bool PathIs(object item, string text, int length)
            {
                var name = Name(item);
                var parent = Parent?.Invoke(item);
                int start = length - name.Length;
                if (start < 0 || string.Compare(text, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) return false;
                if (parent == null) return start == 0;
                return start >= 2 && text[start - 1] == '/' && Of(ParentType).PathIs(parent, text, start - 1);
            }

            static readonly Dictionary<Type, Kind> Kinds = new Dictionary<Type, Kind>
            {
                [typeof(VNHost)] = New<VNHost>("host", "hosts", ErrorIds.HostNotFound, i => i._hosts, o => o.Name, o => o.Path),
                [typeof(VNPhysicalSwitch)] = New<VNPhysicalSwitch>("physical switch", "physical switches", ErrorIds.PhysicalSwitchNotFound, i => i._physicalSwitches, o => o.Name, o => o.Path),
                [typeof(VNCluster)] = New<VNCluster>("cluster", "clusters", ErrorIds.ClusterNotFound, i => i._clusters, o => o.Name, o => o.Path),
                [typeof(VNVirtualSwitch)] = Child<VNVirtualSwitch, VNHost>("virtual switch", "virtual switches", ErrorIds.VirtualSwitchNotFound, i => i._hosts.SelectMany(h => h.VirtualSwitches), o => o.Name, o => o.Path, o => o.Host),
                [typeof(VNPortGroup)] = Child<VNPortGroup, VNVirtualSwitch>("port group", "port groups", ErrorIds.PortGroupNotFound, i => i._hosts.SelectMany(h => h.PortGroups), o => o.Name, o => o.Path, o => o.VirtualSwitch),
                [typeof(VNUplink)] = Child<VNUplink, VNVirtualSwitch>("uplink", "uplinks", ErrorIds.UplinkNotFound, i => i._hosts.SelectMany(h => h.Uplinks), o => o.Name, o => o.Path, o => o.VirtualSwitch),
                [typeof(VNVMKernelAdapter)] = Child<VNVMKernelAdapter, VNHost>("VMkernel adapter", "VMkernel adapters", ErrorIds.VMKernelAdapterNotFound, i => i._hosts.SelectMany(h => h.VMKernelAdapters), o => o.Name, o => o.Path, o => o.Host),
                [typeof(VNVirtualMachine)] = Child<VNVirtualMachine, VNHost>("virtual machine", "virtual machines", ErrorIds.VirtualMachineNotFound, i => i._hosts.SelectMany(h => h.VirtualMachines), o => o.Name, o => o.Path, o => o.Host),
                [typeof(VNSwitchLink)] = New<VNSwitchLink>("switch link", "switch links", ErrorIds.SwitchLinkNotFound, i => i._physicalSwitches.SelectMany(s => s.SwitchLinks).Distinct(), o => o.Name, o => o.Path),
                [typeof(VNSwitchPort)] = Child<VNSwitchPort, VNPhysicalSwitch>("switch port", "switch ports", ErrorIds.SwitchPortNotFound, i => i._physicalSwitches.SelectMany(s => s.Ports), o => o.Name, o => o.Path, o => o.PhysicalSwitch),
            };

            static Kind New<T>(string what, string plural, string errorId, Func<VNInventory, IEnumerable<T>> all, Func<T, string> name, Func<T, string> path) =>
                new Kind
                {
                    What = what, Plural = plural, NotFoundErrorId = errorId,
                    All = i => all(i).Cast<object>(), Name = o => name((T)o), Path = o => path((T)o),
                };

            static Kind Child<T, TParent>(string what, string plural, string errorId, Func<VNInventory, IEnumerable<T>> all, Func<T, string> name, Func<T, string> path,
                Func<T, TParent> parent) where TParent : class
            {
                var kind = New(what, plural, errorId, all, name, path);
                kind.Parent = o => parent((T)o);
                kind.ParentType = typeof(TParent);
                return kind;
            }

            public static Kind Of(Type type) =>
                Kinds.TryGetValue(type, out var kind) ? kind
                : throw new ArgumentException($"The session keeps no {type.Name} objects.", nameof(type));
        }
    }
}
