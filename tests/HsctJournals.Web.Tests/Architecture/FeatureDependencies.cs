using System.Reflection;
using System.Reflection.Emit;

namespace HsctJournals.Web.Tests.Architecture;

/// <summary>
/// Which feature folders of the Web assembly use which, read by reflection: signatures (base types, fields,
/// properties, parameters, return types, attributes, generic arguments) and method bodies (every type, method
/// and field token in the IL), so a fully-qualified name or a service-locator call counts like a using.
/// Compiled Razor views count for the folder they live in.
/// </summary>
public static class FeatureDependencies
{
    private const string Root = "HsctJournals.Web";
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The feature a type belongs to ("Journals", "Comments"…), or null for types outside the app's folders.</summary>
    public static string? FeatureOf(Type type)
    {
        while (type.IsNested) type = type.DeclaringType!;
        if (type.IsGenericType && !type.IsGenericTypeDefinition) type = type.GetGenericTypeDefinition();
        var ns = type.Namespace ?? "";
        if (ns == Root) return type.Name == "Program" ? "Program" : "Shared";
        if (ns.StartsWith(Root + ".", StringComparison.Ordinal)) return FeatureFromPath(ns[(Root.Length + 1)..].Replace('.', '/'));
        // Razor compiles "Journals/PostPage.cshtml" to AspNetCoreGeneratedDocument.Journals_PostPage.
        if (ns == "AspNetCoreGeneratedDocument" && type.Assembly.GetName().Name == Root) return FeatureFromPath(type.Name.Replace('_', '/'));
        return null;
    }

    private static string FeatureFromPath(string path)
    {
        var first = path.Split('/')[0];
        return first switch
        {
            "Areas" => "Accounts", // Identity's pages are the account feature's.
            "Views" or "Pages" => "Shared",
            _ => first,
        };
    }

    /// <summary>Every (from, to) pair of different features where a type of one uses a type of the other.</summary>
    public static IReadOnlyDictionary<(string From, string To), SortedSet<string>> Edges(Assembly assembly)
    {
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            if (FeatureOf(type) is not { } from) continue;
            foreach (var used in UsedTypes(type))
            {
                if (FeatureOf(used) is not { } to || to == from) continue;
                var key = (from, to);
                if (!edges.TryGetValue(key, out var examples)) edges[key] = examples = [];
                examples.Add($"{Outer(type).FullName} → {Outer(used).FullName}");
            }
        }
        return edges;
    }

    private static Type Outer(Type type)
    {
        while (type.IsNested) type = type.DeclaringType!;
        return type;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType) foreach (var a in t.GetGenericArguments()) Add(a);
        }
        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments) { Add(arg.ArgumentType); if (arg.Value is Type t) Add(t); }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        AddAttributes(type.GetCustomAttributesData());
        foreach (var f in type.GetFields(all)) { Add(f.FieldType); AddAttributes(f.GetCustomAttributesData()); }
        foreach (var p in type.GetProperties(all)) { Add(p.PropertyType); AddAttributes(p.GetCustomAttributesData()); }
        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            AddAttributes(m.GetCustomAttributesData());
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var t in BodyTypes(m)) Add(t);
        }
        return found;
    }

    /// <summary>The types named by the tokens in a method's IL (calls, object creation, fields, casts, typeof).</summary>
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception) { yield break; }
        if (il is null) yield break;
        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (Exception) { /* a token into a generic context we cannot close: skip it */ }
                    switch (member)
                    {
                        case Type t: yield return t; break;
                        case MethodBase m:
                            if (m.DeclaringType is { } d) yield return d;
                            if (m.IsGenericMethod) foreach (var a in m.GetGenericArguments()) yield return a;
                            break;
                        case FieldInfo f:
                            if (f.DeclaringType is { } fd) yield return fd;
                            yield return f.FieldType;
                            break;
                    }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += code.OperandType switch
                    {
                        OperandType.InlineNone => 0,
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                        OperandType.InlineVar => 2,
                        OperandType.InlineI8 or OperandType.InlineR => 8,
                        _ => 4,
                    };
                    break;
            }
        }
    }

    /// <summary>The matrix as Markdown: a row per using feature, ✔ where it uses the column's feature.</summary>
    public static string Matrix(IReadOnlyDictionary<(string From, string To), SortedSet<string>> edges)
    {
        var features = edges.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct().Order().ToList();
        var lines = new List<string> { "| uses → | " + string.Join(" | ", features) + " |", "|---|" + string.Concat(features.Select(_ => "---|")) };
        foreach (var from in features)
            lines.Add($"| {from} | " + string.Join(" | ", features.Select(to => edges.ContainsKey((from, to)) ? "✔" : "")) + " |");
        return string.Join('\n', lines);
    }
}
