using System;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CmaaGen.Generation
{
    /// <summary>
    /// Roslyn 4.14 added <c>AddEmbeddedAttributeDefinition()</c>: types marked <c>[Embedded]</c> are invisible
    /// to other assemblies, so two projects linked by InternalsVisibleTo never clash (CS0436) over the
    /// generated types. This assembly compiles against Roslyn 4.8, so it finds the method at run time and,
    /// on an older compiler, leaves the types plain internal.
    /// </summary>
    internal static class EmbeddedAttributeSupport
    {
        private static readonly MethodInfo? AddDefinitionMethod = typeof(IncrementalGeneratorPostInitializationContext)
            .GetMethod("AddEmbeddedAttributeDefinition", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);

        /// <summary>Whether the running compiler can define <c>Microsoft.CodeAnalysis.EmbeddedAttribute</c>.</summary>
        public static bool IsAvailable => AddDefinitionMethod is not null;

        public static void AddDefinition(IncrementalGeneratorPostInitializationContext context)
            => AddDefinitionMethod?.Invoke(context, null);
    }
}
