import { before, describe, it } from 'node:test';
import { readFixture } from '../helpers/fixtures';
import { assertNotScope, assertScope, tokenizeText, TokenizedText } from '../helpers/tokenize';

describe('cluster-conf grammar', () => {
  let anCluster: TokenizedText;
  let armada: TokenizedText;
  before(async () => {
    anCluster = await tokenizeText('cluster-conf', readFixture('grammar', 'cluster-conf', 'an-cluster.conf'));
    // A real rgmanager configuration; the validation corpus holds the one copy.
    armada = await tokenizeText('cluster-conf', readFixture('cluster-conf', 'corpus', 'efim-a-efim__redhat-cluster__conf__cluster__cluster.conf'));
  });

  it('colours the XML declaration as a processing instruction', () => {
    assertScope(anCluster, '<?', 'punctuation.definition.tag.begin.cluster-conf', { line: 1 });
    assertScope(anCluster, 'xml', 'entity.name.tag.xml.cluster-conf', { line: 1 });
    assertScope(anCluster, 'xml', 'meta.tag.preprocessor.xml.cluster-conf', { line: 1 });
    assertScope(anCluster, 'version', 'entity.other.attribute-name.cluster-conf', { line: 1 });
    assertScope(anCluster, '?>', 'punctuation.definition.tag.end.cluster-conf', { line: 1 });
  });

  it('colours element names, attribute names and attribute values', () => {
    assertScope(anCluster, '<', 'punctuation.definition.tag.begin.cluster-conf', { line: 6 });
    assertScope(anCluster, 'clusternode', 'entity.name.tag.cluster-conf', { line: 6 });
    assertScope(anCluster, 'nodeid', 'entity.other.attribute-name.cluster-conf', { line: 6 });
    assertScope(anCluster, '"1"', 'string.quoted.double.cluster-conf', { line: 6, after: 'nodeid=' });
    assertScope(anCluster, 'an-node01.alteeve.com', 'string.quoted.double.cluster-conf');
    assertScope(anCluster, 'two_node', 'entity.other.attribute-name.cluster-conf');
    assertScope(anCluster, 'fence_ipmilan', 'string.quoted.double.cluster-conf');
    assertScope(anCluster, '/>', 'punctuation.definition.tag.end.cluster-conf', { line: 4 });
    assertScope(anCluster, '</', 'punctuation.definition.tag.begin.cluster-conf', { line: 12 });
    assertScope(anCluster, 'clusternode', 'entity.name.tag.cluster-conf', { line: 12 });
  });

  it('colours comments and does not read tags inside them', async () => {
    assertScope(anCluster, '<!-- two-node cluster with IPMI fencing (seed 003) -->', 'comment.block.cluster-conf');
    const commentedOut = await tokenizeText('cluster-conf', '<cluster>\n<!--\n<clusternode name="old" nodeid="3"/>\n-->\n</cluster>\n');
    assertScope(commentedOut, '<clusternode name="old" nodeid="3"/>', 'comment.block.cluster-conf');
    assertNotScope(commentedOut, 'clusternode', 'entity.name.tag', { line: 3 });
    assertScope(commentedOut, 'cluster', 'entity.name.tag.cluster-conf', { line: 5 });
  });

  it('colours a tag whose attributes span several lines', async () => {
    const wrapped = await tokenizeText('cluster-conf', '<fencedevice name="motoko" agent="fence_na"\n\tipaddr="motoko.alteeve.com" quiet="true">\n</fencedevice>\n');
    assertScope(wrapped, 'ipaddr', 'entity.other.attribute-name.cluster-conf', { line: 2 });
    assertScope(wrapped, '"motoko.alteeve.com"', 'string.quoted.double.cluster-conf');
  });

  it('colours entity references and flags a bare ampersand', async () => {
    const entities = await tokenizeText('cluster-conf', '<script name="s" file="/a&amp;b &c"/>\n');
    assertScope(entities, '&amp;', 'constant.character.entity.cluster-conf');
    assertScope(entities, '&', 'invalid.illegal.bad-ampersand.cluster-conf', { after: 'b ' });
  });

  it('colours every element and attribute of a real rgmanager configuration', () => {
    assertScope(armada, 'postgres', 'entity.name.tag.cluster-conf');
    assertScope(armada, 'postmaster_user', 'entity.other.attribute-name.cluster-conf');
    assertScope(armada, 'drop_resources_age', 'entity.other.attribute-name.cluster-conf');
  });
});
