using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CmaaGen.Analysis
{
    /// <summary>
    /// The host's cache of values computed from additional file texts: a list is parsed once per text, not
    /// once per compilation (that is, once per keystroke in the IDE).
    /// </summary>
    internal sealed class TextValues(CompilationStartAnalysisContext context)
    {
        public bool TryGet<T>(SourceText text, SourceTextValueProvider<T> provider, out T value)
            => context.TryGetValue(text, provider, out value!);
    }
}
