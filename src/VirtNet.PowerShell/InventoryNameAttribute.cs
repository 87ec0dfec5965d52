using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>
    /// Lets a parameter that takes a model object take its name or path too (esx01, esx01/vSwitch1,
    /// esx01/vSwitch1/NFS), as PowerCLI's -VMHost takes a host name: each string is resolved in the session's
    /// inventory; objects pass unchanged. A name that no object or several objects answer to is refused with a
    /// message listing what exists or what matched.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class InventoryNameAttribute : ArgumentTransformationAttribute
    {
        readonly Type _type;

        /// <param name="type">The model type the parameter takes, such as typeof(VNHost).</param>
        public InventoryNameAttribute(Type type) => _type = type;

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = Unwrap(inputData);
            if (value is IEnumerable items && !(value is string))
                return items.Cast<object>().Select(Resolve).ToArray();
            return Resolve(value);
        }

        object Resolve(object item)
        {
            var value = Unwrap(item);
            if (!(value is string nameOrPath)) return value;
            // Hosts, physical switches and clusters have no '/' in their names: a path is left to the binder, so a
            // piped esx01/vSwitch1 binds to -VirtualSwitch of a cmdlet that takes -Host or -VirtualSwitch from the pipeline.
            if (nameOrPath.IndexOf('/') >= 0 && (_type == typeof(VNHost) || _type == typeof(VNPhysicalSwitch) || _type == typeof(HA.VNCluster)))
                return value;
            try { return SessionInventory.Current.Resolve(_type, nameOrPath); }
            catch (VirtNetException e) { throw new ArgumentTransformationMetadataException(e.Message, e); }
        }

        static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
