using System.Linq;
using System.Threading.Tasks;
using CmaaGen.Analysis;

namespace CmaaGen.Tests.Analysis;

/// <summary>
/// The per-type answers every call asks for: each key keeps its own answer through every growth of the table, keys are
/// told apart by identity, the first answer stored stays, and readers running beside writers never see a wrong one.
/// </summary>
public class AnswerTableTests
{
    [Fact]
    public void Every_answer_survives_each_growth_and_a_key_never_added_is_absent()
    {
        var table = new AnswerTable();
        var keys = Enumerable.Range(0, 5000).Select(i => new object()).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(i % 3 == 0, table.Add(keys[i], i % 3 == 0));
        }

        for (var i = 0; i < keys.Count; i++)
        {
            Assert.True(table.TryGet(keys[i], out var answer), $"key {i}");
            Assert.Equal(i % 3 == 0, answer);
        }

        Assert.False(table.TryGet(new object(), out _));
    }

    [Fact]
    public void Keys_are_told_apart_by_identity_and_the_first_answer_stays()
    {
        var table = new AnswerTable();
        var first = new string('I', 2);
        var second = new string('I', 2);

        Assert.True(table.Add(first, true));
        Assert.False(table.TryGet(second, out _));
        Assert.False(table.Add(second, false));
        Assert.True(table.Add(first, false));

        Assert.True(table.TryGet(first, out var kept) && kept);
        Assert.True(table.TryGet(second, out var other) && !other);

        // Equal texts that are different objects: probing past one must not take its answer.
        var texts = Enumerable.Range(0, 400).Select(i => new string('I', 2)).ToArray();
        for (var i = 0; i < texts.Length; i++)
        {
            table.Add(texts[i], i % 2 == 0);
        }

        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.True(table.TryGet(texts[i], out var answer) && answer == (i % 2 == 0), $"text {i}"));
    }

    [Fact]
    public async Task Readers_beside_writers_see_each_answer_whole_or_not_at_all()
    {
        var table = new AnswerTable();
        var keys = Enumerable.Range(0, 20000).Select(i => new object()).ToArray();
        var wrong = 0;
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = w; i < keys.Length; i += 4)
            {
                table.Add(keys[i], i % 2 == 0);
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            for (var pass = 0; pass < 3; pass++)
            {
                for (var i = r; i < keys.Length; i += 3)
                {
                    if (table.TryGet(keys[i], out var answer) && answer != (i % 2 == 0))
                    {
                        System.Threading.Interlocked.Increment(ref wrong);
                    }
                }
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        Assert.Equal(0, wrong);
        Assert.All(Enumerable.Range(0, keys.Length), i => Assert.True(table.TryGet(keys[i], out var answer) && answer == (i % 2 == 0)));
    }
}
