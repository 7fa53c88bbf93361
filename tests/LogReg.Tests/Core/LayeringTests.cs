using System.Reflection;
using System.Reflection.Emit;
using LogReg.Core.Training;
using Xunit;

namespace LogReg.Tests.Core;

/// <summary>
/// Core's namespaces form layers (src/LogReg.Core/DESIGN.md): each uses only the ones below it. Read from the compiled
/// assembly — signatures, fields, base types and every member a method body touches — so a cycle cannot hide in a
/// fully qualified name.
/// </summary>
public class LayeringTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    [Fact]
    public void CoreNamespacesHaveNoCycle()
    {
        var graph = Dependencies(typeof(LogisticRegressionTrainer).Assembly);
        Assert.NotEmpty(graph);
        var cycles = new List<string>();
        foreach (var a in graph.Keys)
        {
            foreach (var b in graph[a].Where(b => Reaches(graph, b, a)))
            {
                cycles.Add($"{a} → {b} → … → {a}");
            }
        }
        Assert.True(cycles.Count == 0, "namespace cycles in LogReg.Core:\n" + string.Join("\n", cycles) +
            "\n\nedges:\n" + string.Join("\n", graph.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} → {string.Join(", ", kv.Value.Order())}")));
    }

    [Fact]
    public void TheReaderSeesAnEdgeThatOnlyAMethodBodyMakes()
    {
        // LogisticRegressionTrainer.Train calls UnboundedLikelihood → SeparationCheck only inside method bodies.
        var graph = Dependencies(typeof(LogisticRegressionTrainer).Assembly);
        Assert.Contains("Separation", graph["Training"]);
        Assert.DoesNotContain("Training", graph["Numerics"]);
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(new[] { from });
        while (stack.TryPop(out var n))
        {
            if (n == to)
            {
                return true;
            }
            if (seen.Add(n) && graph.TryGetValue(n, out var next))
            {
                foreach (var m in next)
                {
                    stack.Push(m);
                }
            }
        }
        return false;
    }

    // Layer of a type: the namespace segment after "LogReg.Core." (nested and compiler-generated types: their declaring type's).
    private static string? Layer(Type? type)
    {
        while (type is { IsGenericType: true, IsGenericTypeDefinition: false })
        {
            type = type.GetGenericTypeDefinition();
        }
        string? ns = type?.Namespace;
        return ns is not null && ns.StartsWith("LogReg.Core.", StringComparison.Ordinal) ? ns["LogReg.Core.".Length..].Split('.')[0] : null;
    }

    private static Dictionary<string, HashSet<string>> Dependencies(Assembly assembly)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            if (Layer(type) is not { } from)
            {
                continue;
            }
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new HashSet<string>();
            void Add(Type? t)
            {
                if (t is null)
                {
                    return;
                }
                if (t.HasElementType)
                {
                    Add(t.GetElementType());
                    return;
                }
                if (t.IsGenericType)
                {
                    foreach (var argument in t.GetGenericArguments())
                    {
                        Add(argument);
                    }
                }
                if (Layer(t) is { } to && to != from)
                {
                    edges.Add(to);
                }
            }
            Add(type.BaseType);
            foreach (var i in type.GetInterfaces())
            {
                Add(i);
            }
            foreach (var f in type.GetFields(all))
            {
                Add(f.FieldType);
            }
            foreach (var p in type.GetProperties(all))
            {
                Add(p.PropertyType);
            }
            foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (m is MethodInfo mi)
                {
                    Add(mi.ReturnType);
                }
                foreach (var p in m.GetParameters())
                {
                    Add(p.ParameterType);
                }
                foreach (var touched in MembersIn(m))
                {
                    Add(touched);
                }
            }
        }
        return graph;
    }

    // The types of the members and types a method body's tokens name.
    private static IEnumerable<Type?> MembersIn(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var module = method.Module;
        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                    }
                    yield return member as Type ?? member?.DeclaringType;
                    if (member is FieldInfo field)
                    {
                        yield return field.FieldType;
                    }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
