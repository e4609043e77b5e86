namespace CmaaGen.Generation
{
    /// <summary>Names of the generator's pipeline steps, shared with the caching tests.</summary>
    internal static class TrackingNames
    {
        public const string Options = nameof(Options);
        public const string Language = nameof(Language);
        public const string Settings = nameof(Settings);
        public const string ParsedLists = nameof(ParsedLists);
        public const string Agreements = nameof(Agreements);
        public const string Spec = nameof(Spec);
        public const string AttributeSpec = nameof(AttributeSpec);
    }
}
