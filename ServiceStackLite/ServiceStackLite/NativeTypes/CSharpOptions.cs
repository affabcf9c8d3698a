namespace ServiceStack.NativeTypes;

/// <summary>
/// The options of <c>/types/csharp</c>. Shown in the header but without effect:
/// MakeDataContractsExtensible, AddNullableAnnotations, AddDescriptionAsComments,
/// AddDataContractAttributes, AddIndexesToDataMembers, AddGeneratedCodeAttributes,
/// AddImplicitVersion, InitializeCollections, ExportValueTypes, AddDefaultXmlNamespace.
/// </summary>
internal sealed record CSharpOptions(
    string GlobalNamespace,
    bool MakePartial,
    bool MakeVirtual,
    bool MakeInternal,
    bool MakeDataContractsExtensible,
    bool AddNullableAnnotations,
    bool AddReturnMarker,
    bool AddDescriptionAsComments,
    bool AddDataContractAttributes,
    bool AddIndexesToDataMembers,
    bool AddGeneratedCodeAttributes,
    bool AddResponseStatus,
    int? AddImplicitVersion,
    bool InitializeCollections,
    bool ExportValueTypes,
    IReadOnlyList<string> IncludeTypes,
    IReadOnlyList<string> ExcludeTypes,
    IReadOnlyList<string> AddNamespaces,
    string AddDefaultXmlNamespace)
{
    // Arguments are evaluated in the order written, which is the order of ServiceStack's header.
    public static CSharpOptions Read(OptionReader options) => new(
        GlobalNamespace: options.Text("GlobalNamespace"),
        MakePartial: options.Flag("MakePartial", true),
        MakeVirtual: options.Flag("MakeVirtual", true),
        MakeInternal: options.Flag("MakeInternal", false),
        MakeDataContractsExtensible: options.Flag("MakeDataContractsExtensible", false),
        AddNullableAnnotations: options.Flag("AddNullableAnnotations", false),
        AddReturnMarker: options.Flag("AddReturnMarker", true),
        AddDescriptionAsComments: options.Flag("AddDescriptionAsComments", true),
        AddDataContractAttributes: options.Flag("AddDataContractAttributes", false),
        AddIndexesToDataMembers: options.Flag("AddIndexesToDataMembers", false),
        AddGeneratedCodeAttributes: options.Flag("AddGeneratedCodeAttributes", false),
        AddResponseStatus: options.Flag("AddResponseStatus", false),
        AddImplicitVersion: options.Number("AddImplicitVersion"),
        InitializeCollections: options.Flag("InitializeCollections", false),
        ExportValueTypes: options.Flag("ExportValueTypes", false),
        IncludeTypes: options.List("IncludeTypes"),
        ExcludeTypes: options.List("ExcludeTypes"),
        AddNamespaces: options.List("AddNamespaces"),
        AddDefaultXmlNamespace: options.Text("AddDefaultXmlNamespace", "http://schemas.servicestack.net/types"));
}
