namespace ServiceStack.NativeTypes;

/// <summary>The options of <c>/types/typescript</c>; AddImplicitVersion and AddDescriptionAsComments are shown in the header but have no effect.</summary>
internal sealed record TypeScriptOptions(
    string GlobalNamespace,
    bool MakePropertiesOptional,
    bool AddServiceStackTypes,
    bool AddResponseStatus,
    int? AddImplicitVersion,
    bool AddDescriptionAsComments,
    IReadOnlyList<string> IncludeTypes,
    IReadOnlyList<string> ExcludeTypes,
    IReadOnlyList<string> DefaultImports)
{
    // Arguments are evaluated in the order written, which is the order of ServiceStack's header.
    public static TypeScriptOptions Read(OptionReader options) => new(
        GlobalNamespace: options.Text("GlobalNamespace"),
        MakePropertiesOptional: options.Flag("MakePropertiesOptional", false),
        AddServiceStackTypes: options.Flag("AddServiceStackTypes", true),
        AddResponseStatus: options.Flag("AddResponseStatus", false),
        AddImplicitVersion: options.Number("AddImplicitVersion"),
        AddDescriptionAsComments: options.Flag("AddDescriptionAsComments", true),
        IncludeTypes: options.List("IncludeTypes"),
        ExcludeTypes: options.List("ExcludeTypes"),
        DefaultImports: options.List("DefaultImports"));
}
